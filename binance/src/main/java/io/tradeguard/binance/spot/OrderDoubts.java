package io.tradeguard.binance.spot;

import io.tradeguard.binance.rest.ServerClock;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.OcoRequest;
import io.tradeguard.core.venue.OrderListReport;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settles an order POST whose answer was lost (timeout, 5xx, -1007) by asking the venue for the order by
 * its clientOrderId, never by sending it again. Binance re-checks recvWindow just before its matching
 * engine (since 2025-06-06), so once the venue clock has passed {@code timestamp + recvWindow} the order
 * can no longer appear: a "does not exist" from then on is final. Before that, only a found order is.
 */
public final class OrderDoubts {
    private static final Logger log = LoggerFactory.getLogger(OrderDoubts.class);
    /** Our estimate of the venue clock can be off by about half a round trip; this covers it. */
    private static final long CLOCK_MARGIN_MILLIS = 1_000;

    /** Looks an order up on the venue, bypassing every cache; empty when the venue says it does not exist. */
    @FunctionalInterface
    public interface Lookup {
        Optional<OrderUpdate> find(Symbol symbol, ClientOrderId clientOrderId) throws VenueException;
    }

    private final ServerClock clock;
    private final Duration recvWindow;
    private final Lookup lookup;

    public OrderDoubts(ServerClock clock, Duration recvWindow, Lookup lookup) {
        this.clock = clock;
        this.recvWindow = recvWindow;
        this.lookup = lookup;
    }

    /** @param lastTimestamp the {@code timestamp} of the last attempt that was signed (so possibly sent) */
    public SubmitResult order(OrderRequest request, VenueError cause, long lastTimestamp) {
        log.warn("order {} {}: outcome unknown ({}); resolving by clientOrderId", request.symbol(), request.clientOrderId(), cause.kind());
        try {
            Optional<OrderUpdate> found = settle(request.symbol(), request.clientOrderId(), lastTimestamp);
            if (found.isPresent()) {
                log.info("order {} {} was placed: {}", request.symbol(), request.clientOrderId(), found.get().status());
                return new SubmitResult.Accepted(found.get());
            }
            log.info("order {} {} was not placed", request.symbol(), request.clientOrderId());
            return new SubmitResult.NotPlaced(cause);
        } catch (VenueException e) {
            log.warn("order {} {}: still unknown, the query failed too ({})", request.symbol(), request.clientOrderId(), e.error());
            return new SubmitResult.Unknown(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SubmitResult.Unknown(cause);
        }
    }

    /** The same for an OCO, found by its above leg; the below leg is looked up once the list is known to exist. */
    OcoOutcome oco(OcoRequest request, VenueError cause, long lastTimestamp) {
        log.warn("OCO {} {}: outcome unknown ({}); resolving by the legs' clientOrderIds", request.symbol(),
                request.listClientOrderId(), cause.kind());
        try {
            Optional<OrderUpdate> above = settle(request.symbol(), request.above().clientOrderId(), lastTimestamp);
            if (above.isEmpty()) {
                return new OcoOutcome.NotPlaced(cause);
            }
            List<OrderUpdate> legs = new ArrayList<>();
            legs.add(above.get());
            lookup.find(request.symbol(), request.below().clientOrderId()).ifPresent(legs::add);
            return new OcoOutcome.Placed(new OrderListReport(request.symbol(), above.get().orderListId(),
                    request.listClientOrderId().value(), "EXEC_STARTED", "EXECUTING", legs));
        } catch (VenueException e) {
            return new OcoOutcome.Unknown(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OcoOutcome.Unknown(cause);
        }
    }

    private Optional<OrderUpdate> settle(Symbol symbol, ClientOrderId id, long lastTimestamp)
            throws VenueException, InterruptedException {
        Optional<OrderUpdate> found = lookup.find(symbol, id);
        long decidedAt = lastTimestamp + recvWindow.toMillis() + CLOCK_MARGIN_MILLIS;
        long wait = decidedAt - clock.nowMillis();
        if (found.isEmpty() && wait > 0) {
            Thread.sleep(wait);
            found = lookup.find(symbol, id);
        }
        return found;
    }
}
