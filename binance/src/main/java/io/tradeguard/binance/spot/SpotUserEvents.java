package io.tradeguard.binance.spot;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.VenueEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.tradeguard.binance.spot.Fields.decimal;
import static io.tradeguard.binance.spot.Fields.longValue;
import static io.tradeguard.binance.spot.Fields.millis;
import static io.tradeguard.binance.spot.Fields.text;

/** The payloads of the spot user-data stream (binance-api.md §5.3) into core events. */
public final class SpotUserEvents {
    private static final Logger log = LoggerFactory.getLogger(SpotUserEvents.class);

    private SpotUserEvents() {
    }

    /** The event for a payload, or empty for one the engine has no use for (logged). */
    public static Optional<VenueEvent> parse(JsonNode event, Instant receivedAt) {
        String type = text(event, "e");
        return switch (type) {
            case "executionReport" -> Optional.of(new VenueEvent.OrderUpdated(ExecutionReport.parse(event).toOrderUpdate(receivedAt)));
            case "outboundAccountPosition" -> Optional.of(accountPosition(event, receivedAt));
            case "balanceUpdate" -> Optional.of(new VenueEvent.BalanceDelta(Market.SPOT, Asset.of(text(event, "a")),
                    decimal(event, "d"), millis(event, "T"), receivedAt));
            case "listStatus" -> Optional.of(new VenueEvent.OrderListUpdated(Market.SPOT, Symbol.of(text(event, "s")),
                    longValue(event, "g"), text(event, "C"), text(event, "l"), text(event, "L"), millis(event, "T"), receivedAt));
            default -> {
                // externalLockUpdate and events added later: nothing in the engine depends on them yet
                log.debug("user-data event '{}' ignored", type);
                yield Optional.empty();
            }
        };
    }

    private static VenueEvent accountPosition(JsonNode event, Instant receivedAt) {
        List<Balance> balances = new ArrayList<>();
        for (JsonNode b : event.path("B")) {
            balances.add(new Balance(Market.SPOT, Asset.of(text(b, "a")), decimal(b, "f"), decimal(b, "l")));
        }
        return new VenueEvent.BalancesUpdated(Market.SPOT, balances, millis(event, "u"), receivedAt);
    }
}
