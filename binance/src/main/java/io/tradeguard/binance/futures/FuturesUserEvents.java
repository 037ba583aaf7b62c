package io.tradeguard.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.FuturesAccountEvent;
import io.tradeguard.core.venue.FuturesAccountEvent.AlgoOrder;
import io.tradeguard.core.venue.FuturesAccountEvent.AlgoStatus;
import io.tradeguard.core.venue.FuturesAccountEvent.ForcedClose;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.VenueEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tradeguard.binance.spot.Fields.bool;
import static io.tradeguard.binance.spot.Fields.decimal;
import static io.tradeguard.binance.spot.Fields.longValue;
import static io.tradeguard.binance.spot.Fields.millis;
import static io.tradeguard.binance.spot.Fields.optDecimal;
import static io.tradeguard.binance.spot.Fields.optText;
import static io.tradeguard.binance.spot.Fields.positiveOrNull;
import static io.tradeguard.binance.spot.Fields.text;

/**
 * The futures user-data payloads (binance-api.md §6.7) into core events. One message can give a
 * {@link VenueEvent} for the engine's order book-keeping and a {@link FuturesAccountEvent} with what only
 * futures have. Unknown event types (ACCOUNT_CONFIG_UPDATE, TRADE_LITE, …) give nothing.
 */
final class FuturesUserEvents {
    private FuturesUserEvents() {
    }

    /** What one message means; {@code listenKeyExpired} ends the stream until a new key is used. */
    record Parsed(List<VenueEvent> venue, List<FuturesAccountEvent> futures, boolean listenKeyExpired) {
        static Parsed none() {
            return new Parsed(List.of(), List.of(), false);
        }
    }

    static Parsed parse(JsonNode event, Instant receivedAt) {
        String type = event.path("e").asText("");
        return switch (type) {
            case "ORDER_TRADE_UPDATE" -> orderTradeUpdate(event, receivedAt);
            case "ACCOUNT_UPDATE" -> new Parsed(List.of(), List.of(accountUpdate(event, receivedAt)), false);
            case "ALGO_UPDATE" -> algoUpdate(event, receivedAt);
            case "MARGIN_CALL" -> new Parsed(List.of(), List.of(marginCall(event, receivedAt)), false);
            case "listenKeyExpired" -> new Parsed(List.of(), List.of(), true);
            default -> Parsed.none();
        };
    }

    static ForcedClose forcedClose(String clientOrderId) {
        if (clientOrderId.startsWith("autoclose-")) {
            return ForcedClose.LIQUIDATION;
        }
        if (clientOrderId.startsWith("adl_autoclose")) {
            return ForcedClose.ADL;
        }
        if (clientOrderId.startsWith("settlement_autoclose")) {
            return ForcedClose.SETTLEMENT;
        }
        return ForcedClose.NONE;
    }

    /**
     * ORDER_TRADE_UPDATE. A liquidation's fill comes with execution type CALCULATED, not TRADE; any report
     * with a last quantity carries its fill. A triggered algo order reports as the conditional type the
     * engine asked for ({@code ot}), under the same client id.
     */
    private static Parsed orderTradeUpdate(JsonNode event, Instant receivedAt) {
        JsonNode o = event.get("o");
        Instant venueTime = millis(event, "E");
        String clientId = text(o, "c");
        OrderType wireType = FuturesEnums.orderType(text(o, "o"));
        String originalText = optText(o, "ot");
        OrderType original = originalText == null || originalText.isEmpty() ? wireType : FuturesEnums.orderType(originalText);
        OrderType type = FuturesEnums.isAlgo(original) && !FuturesEnums.isAlgo(wireType) ? original : wireType;
        ExecutionType execution = FuturesEnums.executionType(text(o, "x"));
        BigDecimal lastQty = optDecimal(o, "l");
        BigDecimal lastPrice = optDecimal(o, "L");
        Fill fill = null;
        if (lastQty != null && lastQty.signum() > 0 && lastPrice != null && lastPrice.signum() > 0) {
            String commissionAsset = optText(o, "N");
            BigDecimal commission = optDecimal(o, "n");
            fill = new Fill(longValue(o, "t"), lastPrice, lastQty, commission == null ? BigDecimal.ZERO : commission,
                    commissionAsset == null ? null : Asset.of(commissionAsset), bool(o, "m"), millis(o, "T"));
        }
        BigDecimal filled = decimal(o, "z");
        BigDecimal average = optDecimal(o, "ap");
        BigDecimal quote = average == null ? BigDecimal.ZERO : average.multiply(filled);
        String tif = optText(o, "f");
        String er = optText(o, "er");
        int expiryReason = er == null || er.isEmpty() ? 0 : Integer.parseInt(er);
        OrderUpdate update = new OrderUpdate(Market.FUTURES, Symbol.of(text(o, "s")), longValue(o, "i"),
                ClientOrderId.of(clientId), FuturesEnums.side(text(o, "S")), type,
                tif == null || tif.isEmpty() ? null : FuturesEnums.timeInForce(tif), FuturesEnums.status(text(o, "X")),
                execution, decimal(o, "q"), positiveOrNull(o, "p"), positiveOrNull(o, "sp"), filled, quote, fill,
                expiryReason == 0 ? null : "expiry reason " + expiryReason, -1, o.path("R").asBoolean(false),
                venueTime, receivedAt);
        BigDecimal realized = optDecimal(o, "rp");
        FuturesAccountEvent detail = new FuturesAccountEvent.OrderDetail(update, realized == null ? BigDecimal.ZERO : realized,
                forcedClose(clientId), original, optText(o, "ps"), o.path("cp").asBoolean(false), optText(o, "wt"),
                expiryReason, venueTime, receivedAt);
        return new Parsed(List.of(new VenueEvent.OrderUpdated(update)), List.of(detail), false);
    }

    private static FuturesAccountEvent.AccountUpdated accountUpdate(JsonNode event, Instant receivedAt) {
        JsonNode a = event.get("a");
        String reason = text(a, "m");
        List<FuturesAccountEvent.WalletChange> wallets = new ArrayList<>();
        for (JsonNode b : a.path("B")) {
            wallets.add(new FuturesAccountEvent.WalletChange(Asset.of(text(b, "a")), decimal(b, "wb"), decimal(b, "cw"),
                    decimal(b, "bc")));
        }
        List<FuturesAccountEvent.PositionChange> positions = new ArrayList<>();
        for (JsonNode p : a.path("P")) {
            positions.add(new FuturesAccountEvent.PositionChange(Symbol.of(text(p, "s")), decimal(p, "pa"), decimal(p, "ep"),
                    optDecimal(p, "bep"), optDecimal(p, "cr"), optDecimal(p, "up"), FuturesEnums.marginType(text(p, "mt")),
                    optDecimal(p, "iw"), optText(p, "ps")));
        }
        return new FuturesAccountEvent.AccountUpdated(FuturesEnums.reason(reason), reason, wallets, positions,
                millis(event, "E"), receivedAt);
    }

    /**
     * ALGO_UPDATE. While no ME order exists (waiting, canceled, rejected, expired) it is also the order's
     * report to the engine; once triggered, the ME order reports itself under the same client id.
     */
    private static Parsed algoUpdate(JsonNode event, Instant receivedAt) {
        JsonNode o = event.get("o");
        Instant venueTime = millis(event, "E");
        String triggered = optText(o, "ai");
        BigDecimal executed = optDecimal(o, "aq");
        String failure = optText(o, "rm");
        AlgoOrder algo = new AlgoOrder(Symbol.of(text(o, "s")), longValue(o, "aid"), ClientOrderId.of(text(o, "caid")),
                FuturesEnums.orderType(text(o, "o")), FuturesEnums.side(text(o, "S")), FuturesEnums.algoStatus(text(o, "X")),
                positiveOrNull(o, "q"), positiveOrNull(o, "tp"), positiveOrNull(o, "p"), o.path("R").asBoolean(false),
                o.path("cp").asBoolean(false), optText(o, "wt"),
                triggered == null || triggered.isEmpty() ? 0 : Long.parseLong(triggered),
                executed == null ? BigDecimal.ZERO : executed, positiveOrNull(o, "ap"),
                failure == null || failure.isEmpty() ? null : failure);
        List<VenueEvent> venue = switch (algo.status()) {
            case NEW, CANCELED, REJECTED, EXPIRED -> List.of(new VenueEvent.OrderUpdated(
                    withExecution(FuturesParsers.algoAsOrder(algo, venueTime, receivedAt), algo.status())));
            case TRIGGERING, TRIGGERED, FINISHED -> List.of();
        };
        return new Parsed(venue, List.of(new FuturesAccountEvent.AlgoOrderUpdated(algo, venueTime, receivedAt)), false);
    }

    private static OrderUpdate withExecution(OrderUpdate u, AlgoStatus status) {
        ExecutionType x = switch (status) {
            case NEW -> ExecutionType.NEW;
            case CANCELED -> ExecutionType.CANCELED;
            case REJECTED -> ExecutionType.REJECTED;
            case EXPIRED -> ExecutionType.EXPIRED;
            case TRIGGERING, TRIGGERED, FINISHED -> ExecutionType.SNAPSHOT;
        };
        return new OrderUpdate(u.market(), u.symbol(), u.venueOrderId(), u.clientOrderId(), u.side(), u.type(), u.timeInForce(),
                u.status(), x, u.quantity(), u.price(), u.stopPrice(), u.filledQuantity(), u.cumulativeQuote(), null,
                u.rejectReason(), u.orderListId(), u.reduceOnly(), u.venueTime(), u.receivedAt());
    }

    private static FuturesAccountEvent.MarginCall marginCall(JsonNode event, Instant receivedAt) {
        List<FuturesAccountEvent.MarginCallPosition> positions = new ArrayList<>();
        for (JsonNode p : event.path("p")) {
            positions.add(new FuturesAccountEvent.MarginCallPosition(Symbol.of(text(p, "s")), decimal(p, "pa"),
                    FuturesEnums.marginType(text(p, "mt")), optDecimal(p, "iw"), decimal(p, "mp"), decimal(p, "up"),
                    decimal(p, "mm")));
        }
        return new FuturesAccountEvent.MarginCall(optDecimal(event, "cw"), positions, millis(event, "E"), receivedAt);
    }
}
