package io.tradeguard.app.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way alerts leave tradeguard. {@link #publish} never blocks: it removes secrets, routes the alert
 * to the channels configured for its kind, applies the rate limit, and queues it. Each channel has its own
 * bounded queue and worker (a virtual thread) that sends with retries, so a slow or dead channel delays
 * nobody but itself.
 */
public final class AlertDispatcher implements AutoCloseable {

    /** Counters per channel, for metrics, health and tests. */
    public record ChannelStats(long delivered, long failed, long dropped, long retries, long heldBack) {
    }

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final AlertSettings settings;
    private final SecretSanitizer sanitizer;
    private final InstantSource clock;
    private final AlertRateLimiter limiter;
    private final Map<Channel, Lane> lanes = new EnumMap<>(Channel.class);
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("alert-flush").factory());
    private volatile boolean closing;

    private final class Lane {
        final Notifier notifier;
        final BlockingQueue<AlertMessage> queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong heldBack = new AtomicLong();
        Thread worker;

        Lane(Notifier notifier) {
            this.notifier = notifier;
        }
    }

    public AlertDispatcher(List<Notifier> notifiers, AlertSettings settings, SecretSanitizer sanitizer, InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limiter = new AlertRateLimiter(settings.maxPerWindow(), settings.window());
        for (Notifier n : notifiers) {
            if (lanes.put(n.channel(), new Lane(n)) != null) {
                throw new IllegalArgumentException("two notifiers for channel " + n.channel());
            }
        }
        var routed = new HashSet<Channel>();
        settings.routes().values().forEach(routed::addAll);
        routed.removeAll(lanes.keySet());
        if (!routed.isEmpty()) {
            throw new IllegalArgumentException("alerts are routed to " + routed + " but that channel is not configured");
        }
    }

    public AlertDispatcher start() {
        lanes.forEach((channel, lane) ->
                lane.worker = Thread.ofVirtual().name("alert-" + channel.name().toLowerCase(java.util.Locale.ROOT)).start(() -> work(lane)));
        long tick = Math.max(100, Math.min(1000, settings.window().toMillis() / 10));
        ticker.scheduleWithFixedDelay(this::flushHeldBack, tick, tick, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Queues the alert for its channels and returns at once. */
    public void publish(Alert alert) {
        Alert clean = sanitizer.clean(Objects.requireNonNull(alert, "alert"));
        for (Channel channel : settings.channelsFor(clean.kind())) {
            Lane lane = lanes.get(channel);
            limiter.admit(channel, clean, clock.instant())
                    .ifPresentOrElse(message -> enqueue(lane, message), lane.heldBack::incrementAndGet);
        }
    }

    /** Sends the held-back counts whose window has room again; runs on a timer, callable from tests. */
    void flushHeldBack() {
        for (AlertRateLimiter.Release release : limiter.flush(clock.instant())) {
            enqueue(lanes.get(release.channel()), release.message());
        }
    }

    public ChannelStats stats(Channel channel) {
        Lane lane = lanes.get(channel);
        if (lane == null) {
            throw new IllegalArgumentException("channel " + channel + " is not configured");
        }
        return new ChannelStats(lane.delivered.get(), lane.failed.get(), lane.dropped.get(), lane.retries.get(),
                lane.heldBack.get());
    }

    private void enqueue(Lane lane, AlertMessage message) {
        if (!lane.queue.offer(message)) {
            lane.dropped.incrementAndGet();
            log.error("alert queue of {} is full; dropped {} {}", lane.notifier.channel(), message.alert().kind(),
                    message.alert().title());
        }
    }

    private void work(Lane lane) {
        try {
            while (!(closing && lane.queue.isEmpty())) {
                AlertMessage message = lane.queue.poll(200, TimeUnit.MILLISECONDS);
                if (message != null) {
                    deliver(lane, message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Lane lane, AlertMessage message) throws InterruptedException {
        Duration backoff = settings.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                lane.notifier.send(message);
                lane.delivered.incrementAndGet();
                return;
            } catch (DeliveryException e) {
                String why = sanitizer.clean(e.getMessage());
                if (!e.retryable() || attempt >= settings.maxAttempts()) {
                    lane.failed.incrementAndGet();
                    log.error("{} alert {} not delivered after {} attempt(s): {}", lane.notifier.channel(),
                            message.alert().kind(), attempt, why);
                    return;
                }
                lane.retries.incrementAndGet();
                Duration wait = e.retryAfter() != null ? e.retryAfter() : backoff;
                wait = wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
                log.warn("{} alert {} attempt {} failed ({}); retrying in {} ms", lane.notifier.channel(),
                        message.alert().kind(), attempt, why, wait.toMillis());
                Thread.sleep(wait);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                lane.failed.incrementAndGet();
                log.error("{} alert {} failed: {}", lane.notifier.channel(), message.alert().kind(),
                        sanitizer.clean(e.toString()));
                return;
            }
        }
    }

    /** Lets queued alerts go out for a few seconds (an emergency stop often precedes a shutdown), then stops. */
    @Override
    public void close() {
        closing = true;
        ticker.shutdownNow();
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        for (Lane lane : lanes.values()) {
            if (lane.worker == null) {
                continue;
            }
            try {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (!lane.worker.join(Duration.ofMillis(left))) {
                    lane.worker.interrupt();
                    log.warn("{} alerts still queued at shutdown: {}", lane.notifier.channel(), lane.queue.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
