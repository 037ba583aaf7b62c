package io.tradeguard.server;

import io.javalin.http.Context;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.server.api.OrderPreview;
import io.tradeguard.server.api.OrderQuery;
import io.tradeguard.server.api.OrderRef;
import io.tradeguard.server.api.Outcome;
import io.tradeguard.server.api.TradeQuery;
import io.tradeguard.server.api.TradingApi;
import io.tradeguard.server.api.TradingMode;
import io.tradeguard.server.auth.Principal;
import io.tradeguard.server.http.Access;
import io.tradeguard.server.http.Answers;
import io.tradeguard.server.http.ApiException;
import io.tradeguard.server.http.JsonFields;
import io.tradeguard.server.http.QueryParams;
import io.tradeguard.server.http.RequestBodies;
import io.tradeguard.server.http.RouteTable;
import io.tradeguard.server.order.ConfirmationTokens;
import io.tradeguard.server.order.OrderIntent;
import io.tradeguard.server.order.OrderKind;
import io.tradeguard.server.order.OrderRequestParser;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code /api/real-trading/…}: orders with two-step confirmation, positions, trades, start/stop, emergency stop. */
final class TradingRoutes {
    private static final String BASE = "/api/real-trading";

    private final TradingApi trading;
    private final ConfirmationTokens tokens;
    private final boolean requireConfirmation;
    private final RequestBodies bodies;
    private final Answers answers;
    private final io.micrometer.core.instrument.MeterRegistry metrics;

    TradingRoutes(TradingApi trading, ConfirmationTokens tokens, boolean requireConfirmation, RequestBodies bodies, Answers answers,
                  io.micrometer.core.instrument.MeterRegistry metrics) {
        this.metrics = metrics;
        this.trading = trading;
        this.tokens = tokens;
        this.requireConfirmation = requireConfirmation;
        this.bodies = bodies;
        this.answers = answers;
    }

    void addTo(RouteTable table) {
        table.get(BASE + "/status", Access.VIEWER, "Trading status: enabled, halt, mode, venue",
                (ctx, who) -> answers.ok(ctx, trading.status()));
        table.post(BASE + "/start", Access.ADMIN, "Enable trading",
                (ctx, who) -> answers.outcome(ctx, trading.start(who)));
        table.post(BASE + "/stop", Access.TRADER, "Stop taking new orders",
                (ctx, who) -> answers.outcome(ctx, trading.stop(who)));
        table.post(BASE + "/order/preview", Access.TRADER,
                "Round and judge an order without sending it; answers a single-use confirmation token when approved",
                this::preview);
        for (OrderKind kind : OrderKind.values()) {
            table.post(BASE + "/order/" + kind.path(), Access.TRADER, "Place a " + kind.path() + " order",
                    (ctx, who) -> place(ctx, who, kind));
        }
        table.delete(BASE + "/order/{id}", Access.TRADER,
                "Cancel an order by order_id, or by client order id with ?by=client_order_id", this::cancel);
        table.get(BASE + "/order/{id}", Access.VIEWER,
                "One order, open or final, by order_id, or by client order id with ?by=client_order_id",
                (ctx, who) -> answers.outcome(ctx, trading.order(orderRef(ctx))));
        table.get(BASE + "/orders", Access.VIEWER, "Orders, filterable by symbol, market and status=open|closed, paged",
                this::orders);
        table.get(BASE + "/positions", Access.VIEWER, "Open positions",
                (ctx, who) -> answers.ok(ctx, trading.positions()));
        table.post(BASE + "/close/{position_id}", Access.TRADER, "Close a whole position at market",
                (ctx, who) -> answers.outcome(ctx, trading.closePosition(who, checkedId("position_id", ctx.pathParam("position_id")))));
        table.get(BASE + "/trades", Access.VIEWER, "Closed round trips with fees, funding and realized P&L, paged",
                this::trades);
        table.get(BASE + "/balance", Access.VIEWER, "Free and locked balances",
                (ctx, who) -> answers.ok(ctx, trading.balances()));
        table.post(BASE + "/emergency-stop", Access.TRADER, "Cancel all orders, flatten all positions, halt trading",
                this::emergencyStop);
        table.post(BASE + "/emergency-stop/reset", Access.ADMIN, "Lift the emergency halt",
                (ctx, who) -> answers.outcome(ctx, trading.resetEmergencyStop(who)));
        table.get(BASE + "/manual-trades", Access.VIEWER,
                "Orders made outside the engine, learning records of positions closed by hand, counters",
                (ctx, who) -> answers.ok(ctx, trading.manualTradesReport()));
        table.get(BASE + "/manual-trades/export", Access.VIEWER,
                "Learning records for training, as JSONL or CSV (format=jsonl|csv)", this::learningExport);
        table.post(BASE + "/leverage", Access.TRADER, "Set a futures symbol's leverage", this::leverage);
        table.get(BASE + "/mode", Access.VIEWER, "Trading mode: manual, auto or hybrid",
                (ctx, who) -> answers.ok(ctx, Map.of("mode", trading.status().mode())));
        table.post(BASE + "/mode", Access.ADMIN, "Set the trading mode", this::mode);
    }

    private void preview(Context ctx, Principal who) {
        JsonFields fields = bodies.fields(ctx);
        OrderRequestParser.Parsed parsed = OrderRequestParser.parse(Optional.empty(), fields);
        if (parsed.confirmationToken().isPresent()) {
            throw ApiException.badField("confirmation_token", "a preview issues a confirmation token; it does not take one");
        }
        Outcome<OrderPreview> outcome = trading.preview(who, parsed.intent());
        if (!(outcome instanceof Outcome.Done<OrderPreview> done)) {
            answers.outcome(ctx, outcome);
            return;
        }
        OrderPreview preview = done.value();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order", preview.order());
        body.put("fees", preview.fees());
        body.put("verdict", preview.verdict());
        if (preview.verdict().approved()) {
            // bound to the order as the engine rounded it: placing sends exactly what was shown
            ConfirmationTokens.Issued token = tokens.issue(who.username(), preview.order());
            body.put("confirmation_token", token.token());
            body.put("confirmation_expires_at", token.expiresAt());
        } else {
            body.put("confirmation_token", null);
        }
        answers.ok(ctx, body);
    }

    private void place(Context ctx, Principal who, OrderKind kind) {
        JsonFields fields = bodies.fields(ctx);
        OrderRequestParser.Parsed parsed = OrderRequestParser.parse(Optional.of(kind), fields);
        OrderIntent order = parsed.intent();
        if (parsed.confirmationToken().isPresent()) {
            confirm(parsed.confirmationToken().get(), who, order);
        } else if (requireConfirmation) {
            throw ApiException.of(400, "confirmation_required",
                    "this server requires a confirmation token: preview the order first, then place it with the token");
        }
        Outcome<io.tradeguard.server.api.OrderView> outcome = trading.place(who, order);
        if (outcome instanceof Outcome.RiskRejected<io.tradeguard.server.api.OrderView> rejected) {
            // the rules refused it before the engine saw it; the engine's own refusals are counted from its journal
            rejected.failed().forEach(rule -> metrics.counter("tradeguard_risk_rejections", "rule", rule.rule()).increment());
        }
        answers.outcome(ctx, outcome);
    }

    private void confirm(String token, Principal who, OrderIntent order) {
        switch (tokens.redeem(token, who.username(), order)) {
            case ConfirmationTokens.Redemption.Accepted accepted -> {
            }
            case ConfirmationTokens.Redemption.Invalid invalid -> throw ApiException.of(400, "confirmation_token_invalid",
                    "the confirmation token is not one this server issued");
            case ConfirmationTokens.Redemption.WrongUser wrongUser -> throw ApiException.of(403, "confirmation_token_foreign",
                    "the confirmation token was issued to another user");
            case ConfirmationTokens.Redemption.OrderChanged changed -> throw ApiException.of(409, "confirmation_order_mismatch",
                    "the order differs from the previewed one; send the order exactly as the preview returned it, or preview again");
            case ConfirmationTokens.Redemption.AlreadyUsed used -> throw ApiException.of(409, "confirmation_token_used",
                    "the confirmation token was already used; preview the order again");
            case ConfirmationTokens.Redemption.Expired expired -> throw ApiException.of(409, "confirmation_token_expired",
                    "the confirmation token has expired; preview the order again");
        }
    }

    private void learningExport(Context ctx, Principal who) {
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("jsonl").strip().toLowerCase(Locale.ROOT);
        switch (format) {
            case "jsonl" -> ctx.contentType("application/x-ndjson; charset=utf-8")
                    .result(trading.learningExport(TradingApi.LearningExportFormat.JSONL));
            case "csv" -> ctx.contentType("text/csv; charset=utf-8")
                    .result(trading.learningExport(TradingApi.LearningExportFormat.CSV));
            default -> throw ApiException.badField("format", "format must be jsonl or csv");
        }
    }

    private void cancel(Context ctx, Principal who) {
        answers.outcome(ctx, trading.cancel(who, orderRef(ctx)));
    }

    private static OrderRef orderRef(Context ctx) {
        String id = ctx.pathParam("id");
        String by = Optional.ofNullable(ctx.queryParam("by")).orElse("order_id").strip().toLowerCase(Locale.ROOT);
        return switch (by) {
            case "order_id" -> new OrderRef.ByOrderId(checkedId("id", id));
            case "client_order_id" -> new OrderRef.ByClientOrderId(clientOrderId(id));
            default -> throw ApiException.badField("by", "by must be order_id or client_order_id");
        };
    }

    private void orders(Context ctx, Principal who) {
        Optional<Boolean> open = QueryParams.parsed(ctx, "status", s -> switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> Boolean.TRUE;
            case "closed" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("use open or closed");
        });
        answers.ok(ctx, trading.orders(new OrderQuery(QueryParams.parsed(ctx, "symbol", Symbol::of),
                QueryParams.parsed(ctx, "market", Market::parse), open,
                QueryParams.integer(ctx, "page", 0, 0, 1_000_000),
                QueryParams.integer(ctx, "size", 50, 1, OrderQuery.MAX_PAGE_SIZE))));
    }

    private void trades(Context ctx, Principal who) {
        answers.ok(ctx, trading.trades(new TradeQuery(QueryParams.parsed(ctx, "symbol", Symbol::of),
                QueryParams.parsed(ctx, "market", Market::parse),
                QueryParams.integer(ctx, "page", 0, 0, 1_000_000),
                QueryParams.integer(ctx, "size", 50, 1, OrderQuery.MAX_PAGE_SIZE))));
    }

    private void emergencyStop(Context ctx, Principal who) {
        JsonFields fields = bodies.fields(ctx);
        String reason = fields.text("reason").map(String::strip).filter(r -> !r.isEmpty())
                .orElse("emergency stop requested by " + who.username());
        if (reason.length() > 500) {
            fields.error("reason", "reason must be at most 500 characters");
        }
        fields.finish();
        answers.outcome(ctx, trading.emergencyStop(who, reason));
    }

    private void leverage(Context ctx, Principal who) {
        JsonFields fields = bodies.fields(ctx);
        Optional<Symbol> symbol = fields.required("symbol", fields.parsed("symbol", Symbol::of));
        Optional<Integer> leverage = fields.required("leverage", fields.integer("leverage", 1, 125));
        fields.finish();
        answers.outcome(ctx, trading.setLeverage(who, symbol.orElseThrow(), leverage.orElseThrow()));
    }

    private void mode(Context ctx, Principal who) {
        JsonFields fields = bodies.fields(ctx);
        Optional<TradingMode> mode = fields.required("mode", fields.parsed("mode", TradingMode::parse));
        fields.finish();
        answers.outcome(ctx, trading.setMode(who, mode.orElseThrow()));
    }

    private static ClientOrderId clientOrderId(String id) {
        try {
            return ClientOrderId.of(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("id", "id: " + e.getMessage());
        }
    }

    /** Path ids are opaque to us but echoed to the engine; keep them to a sane alphabet and length. */
    static String checkedId(String name, String id) {
        if (!id.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw ApiException.badField(name, name + " must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        return id;
    }
}
