package io.tradeguard.core.safety;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.OrderRequest;

import java.util.Objects;

/**
 * One call of an emergency stop and what became of it. A retry sends the same request again (same client
 * order id), so the venue adapter's query-before-resend keeps a flatten from being doubled.
 *
 * @param cancel   the order to cancel, for a CANCEL leg; null otherwise
 * @param flatten  the market order closing a position, for a FLATTEN leg; null otherwise
 * @param attempts calls made so far
 * @param lastError the last failure in words; null when none
 */
public record EmergencyLeg(int id, Kind kind, Market market, Symbol symbol, RestingOrder cancel, OrderRequest flatten,
                           Status status, int attempts, String lastError) {

    public enum Kind { CANCEL, FLATTEN }

    public enum Status {
        /** To be sent (again). */
        PENDING,
        /** Sent, outcome not known yet. */
        SENT,
        DONE,
        /** Failed as often as allowed; reported as not done. */
        GAVE_UP
    }

    public EmergencyLeg {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(status, "status");
        if ((kind == Kind.CANCEL) != (cancel != null) || (kind == Kind.FLATTEN) != (flatten != null)) {
            throw new IllegalArgumentException("a cancel leg carries the order to cancel, a flatten leg its order");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    public boolean finished() {
        return status == Status.DONE || status == Status.GAVE_UP;
    }

    EmergencyLeg with(Status newStatus, int newAttempts, String error) {
        return new EmergencyLeg(id, kind, market, symbol, cancel, flatten, newStatus, newAttempts, error);
    }

    String describe() {
        return switch (kind) {
            case CANCEL -> "cancel " + cancel.clientOrderId() + " on " + symbol + " (" + market.wireName() + ")";
            case FLATTEN -> "close " + flatten.quantity().stripTrailingZeros().toPlainString() + " " + symbol
                    + " (" + market.wireName() + ") at market";
        };
    }
}
