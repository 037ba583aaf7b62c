package io.tradeguard.app.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code maxPerWindow} messages per channel and alert kind in any sliding window. What is held back
 * is not lost: it is counted, and the next message of that channel and kind says how many it stands for;
 * when nothing else comes, {@link #flush} sends the last held-back alert with the count once the window
 * has room again.
 */
final class AlertRateLimiter {

    private record Key(Channel channel, AlertKind kind) {
    }

    private static final class Lane {
        final ArrayDeque<Instant> sent = new ArrayDeque<>();
        int heldBack;
        Alert lastHeldBack;
    }

    /** A message ready to go to a channel. */
    record Release(Channel channel, AlertMessage message) {
    }

    private final int maxPerWindow;
    private final Duration window;
    private final Map<Key, Lane> lanes = new HashMap<>();

    AlertRateLimiter(int maxPerWindow, Duration window) {
        if (maxPerWindow < 1) {
            throw new IllegalArgumentException("alert rate limit must allow at least 1 message per window");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("alert rate window must be positive, was " + window);
        }
        this.maxPerWindow = maxPerWindow;
        this.window = window;
    }

    /** The message to send now, or empty when the alert is held back (and counted). */
    synchronized Optional<AlertMessage> admit(Channel channel, Alert alert, Instant now) {
        Lane lane = lanes.computeIfAbsent(new Key(channel, alert.kind()), k -> new Lane());
        if (!hasRoom(lane, now)) {
            lane.heldBack++;
            lane.lastHeldBack = alert;
            return Optional.empty();
        }
        lane.sent.addLast(now);
        var message = new AlertMessage(alert, lane.heldBack);
        lane.heldBack = 0;
        lane.lastHeldBack = null;
        return Optional.of(message);
    }

    /** Held-back alerts whose window has room again, each as one message carrying the count. */
    synchronized List<Release> flush(Instant now) {
        var out = new ArrayList<Release>();
        lanes.forEach((key, lane) -> {
            if (lane.heldBack > 0 && hasRoom(lane, now)) {
                lane.sent.addLast(now);
                out.add(new Release(key.channel(), new AlertMessage(lane.lastHeldBack, lane.heldBack - 1)));
                lane.heldBack = 0;
                lane.lastHeldBack = null;
            }
        });
        return out;
    }

    private boolean hasRoom(Lane lane, Instant now) {
        Instant horizon = now.minus(window);
        while (!lane.sent.isEmpty() && !lane.sent.peekFirst().isAfter(horizon)) {
            lane.sent.removeFirst();
        }
        return lane.sent.size() < maxPerWindow;
    }
}
