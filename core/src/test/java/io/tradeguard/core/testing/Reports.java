package io.tradeguard.core.testing;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderUpdate;

import java.math.BigDecimal;
import java.time.Instant;

/** Venue reports for tests, shaped like the adapter produces them. */
public final class Reports {
    public static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
    public static final Asset BTC = Asset.of("BTC");

    private Reports() {
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** A report without a fill: NEW, CANCELED, a snapshot… */
    public static OrderUpdate status(String clientId, long venueId, Side side, String quantity, String price,
                                     OrderStatus status, String filled, Instant venueTime) {
        ExecutionType type = switch (status) {
            case NEW, PENDING_NEW -> ExecutionType.NEW;
            case CANCELED -> ExecutionType.CANCELED;
            case REJECTED -> ExecutionType.REJECTED;
            case EXPIRED, EXPIRED_IN_MATCH -> ExecutionType.EXPIRED;
            default -> ExecutionType.SNAPSHOT;
        };
        BigDecimal filledQty = d(filled);
        return new OrderUpdate(Market.SPOT, BTCUSDT, venueId, ClientOrderId.of(clientId), side, OrderType.LIMIT,
                TimeInForce.GTC, status, type, d(quantity), d(price), null, filledQty,
                filledQty.multiply(d(price)), null, null, -1, false, venueTime, venueTime);
    }

    /** A TRADE report: one fill, with the cumulative filled quantity after it. */
    public static OrderUpdate trade(String clientId, long venueId, Side side, String quantity, String price,
                                    OrderStatus status, String cumulative, Fill fill) {
        return new OrderUpdate(Market.SPOT, BTCUSDT, venueId, ClientOrderId.of(clientId), side, OrderType.LIMIT,
                TimeInForce.GTC, status, ExecutionType.TRADE, d(quantity), d(price), null, d(cumulative),
                d(cumulative).multiply(fill.price()), fill, null, -1, false, fill.time(), fill.time());
    }

    public static Fill fill(long tradeId, String price, String quantity, String commission, Asset asset, Instant time) {
        return new Fill(tradeId, d(price), d(quantity), d(commission), asset, false, time);
    }
}
