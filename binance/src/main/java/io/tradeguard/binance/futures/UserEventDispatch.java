package io.tradeguard.binance.futures;

import io.tradeguard.core.venue.FuturesAccountEvent;
import io.tradeguard.core.venue.VenueEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The futures user stream's events on their way to the listeners, in the order the stream delivered them, on one
 * virtual thread of their own: the socket's reader only decodes and queues, so a funding payment that needs the
 * income history (REST, with retries) never stops the stream from being read, and a fill pushed after the payment
 * still reaches the listeners after it. The queue has no bound: blocking the reader is what it exists to avoid, and
 * a user stream carries a handful of events per order.
 */
final class UserEventDispatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UserEventDispatch.class);

    private sealed interface Item {
    }

    private record VenueItem(VenueEvent event) implements Item {
    }

    private record FuturesItem(FuturesAccountEvent event) implements Item {
    }

    private record Stop() implements Item {
    }

    private final Consumer<VenueEvent> venueListener;
    private final Consumer<FuturesAccountEvent> futuresListener;
    private final Function<FuturesAccountEvent, List<FuturesAccountEvent>> attribution;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final AtomicLong received = new AtomicLong();
    private final Thread worker;
    private volatile boolean closed;

    /**
     * @param attribution what a futures event becomes before it reaches its listener (one funding payment may become
     *                    one update per symbol); may block on REST, runs on the dispatch thread
     */
    UserEventDispatch(String name, Consumer<VenueEvent> venueListener, Consumer<FuturesAccountEvent> futuresListener,
                      Function<FuturesAccountEvent, List<FuturesAccountEvent>> attribution) {
        this.venueListener = venueListener;
        this.futuresListener = futuresListener;
        this.attribution = attribution;
        this.worker = Thread.ofVirtual().name("dispatch-" + name).start(this::run);
    }

    /** Queues an order report or a connection change; returns at once. */
    void venue(VenueEvent event) {
        offer(new VenueItem(event));
    }

    /** Queues a futures account event; returns at once. */
    void futures(FuturesAccountEvent event) {
        offer(new FuturesItem(event));
    }

    /** How many events the stream has handed over so far (delivered or still queued). */
    long received() {
        return received.get();
    }

    private void offer(Item item) {
        if (closed) {
            return;
        }
        received.incrementAndGet();
        queue.add(item);
    }

    private void run() {
        while (true) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                break;
            }
            if (closed || item instanceof Stop) {
                break;
            }
            switch (item) {
                case VenueItem v -> deliver(v.event());
                case FuturesItem f -> {
                    for (FuturesAccountEvent event : attributed(f.event())) {
                        if (closed) {
                            break;
                        }
                        deliver(event);
                    }
                }
                case Stop s -> { }
            }
        }
        int left = queue.size();
        if (left > 0) {
            log.debug("futures user stream closed with {} events not delivered", left);
        }
    }

    /** A failing attribution must not end this thread (every later event would be lost): the event goes on as it came. */
    private List<FuturesAccountEvent> attributed(FuturesAccountEvent event) {
        try {
            return attribution.apply(event);
        } catch (RuntimeException e) {
            log.error("attributing a {} failed; it is passed on as the stream sent it", event.getClass().getSimpleName(), e);
            return List.of(event);
        }
    }

    private void deliver(VenueEvent event) {
        try {
            venueListener.accept(event);
        } catch (RuntimeException e) {
            log.error("venue event listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }

    private void deliver(FuturesAccountEvent event) {
        try {
            futuresListener.accept(event);
        } catch (RuntimeException e) {
            log.error("futures event listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Stops delivering: what is still queued is dropped with the stream (the reconciliation after the next start
     * finds it), and an attribution waiting on the income history is interrupted.
     */
    @Override
    public void close() {
        closed = true;
        queue.add(new Stop());
        worker.interrupt();
    }
}
