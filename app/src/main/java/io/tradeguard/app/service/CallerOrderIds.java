package io.tradeguard.app.service;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.EngineSettings;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.server.http.ApiException;

import java.util.List;

/**
 * A {@code client_order_id} a caller chooses for a manual order. Every order the engine sends carries its prefix
 * (invariant 1), so the id on the venue is {@code TGM_<caller's id>}: the prefix, the origin letter, '_' (the
 * generator's own ids use '-' there, so the two can never collide) and the caller's id of 1-26 characters. The
 * caller may send either form, and may cancel or look the order up by either.
 */
final class CallerOrderIds {
    static final String PREFIX = EngineSettings.defaults(Market.SPOT).clientIdPrefix();
    private static final String MANUAL = PREFIX + OrderOrigin.MANUAL.code() + "_";
    static final int MAX_LABEL = 26;

    private CallerOrderIds() {
    }

    /** The label the engine puts after {@code TGM_}; a 400 problem when it is too long for Binance's 36. */
    static String label(ClientOrderId asked) {
        String value = asked.value();
        String label = value.startsWith(MANUAL) ? value.substring(MANUAL.length()) : value;
        if (label.isEmpty() || label.length() > MAX_LABEL) {
            throw ApiException.badField("client_order_id", "client_order_id: at most " + MAX_LABEL
                    + " characters; the order goes out as " + MANUAL + "<your id>, and Binance allows 36");
        }
        return label;
    }

    /** The command for a manual order, with the caller's id when there is one. */
    static Command.PlaceOrder placing(io.tradeguard.core.order.OrderIntent intent, ClientOrderId asked) {
        return asked == null ? new Command.PlaceOrder(intent) : new Command.PlaceOrder(intent, label(asked));
    }

    /** The ids a caller's client order id may stand for: as given, then as the engine would have written it. */
    static List<ClientOrderId> candidates(ClientOrderId asked) {
        String value = asked.value();
        if (value.startsWith(PREFIX) || MANUAL.length() + value.length() > 36) {
            return List.of(asked);
        }
        return List.of(asked, ClientOrderId.of(MANUAL + value));
    }
}
