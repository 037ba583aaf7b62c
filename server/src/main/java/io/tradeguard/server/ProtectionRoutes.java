package io.tradeguard.server;

import io.javalin.http.Context;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.server.api.ProtectionApi;
import io.tradeguard.server.api.ProtectionRequest;
import io.tradeguard.server.auth.Principal;
import io.tradeguard.server.http.Access;
import io.tradeguard.server.http.Answers;
import io.tradeguard.server.http.JsonFields;
import io.tradeguard.server.http.RequestBodies;
import io.tradeguard.server.http.RouteTable;

import java.math.BigDecimal;
import java.util.Optional;

/** {@code /api/sl-tp/…}: protective orders of open positions and the local trigger monitor. */
final class ProtectionRoutes {
    private static final String BASE = "/api/sl-tp";

    private final ProtectionApi protection;
    private final RequestBodies bodies;
    private final Answers answers;

    ProtectionRoutes(ProtectionApi protection, RequestBodies bodies, Answers answers) {
        this.protection = protection;
        this.bodies = bodies;
        this.answers = answers;
    }

    void addTo(RouteTable table) {
        table.post(BASE + "/stop-loss", Access.TRADER, "Set a position's stop-loss (stop_price)",
                (ctx, who) -> protect(ctx, who, Kind.STOP_LOSS));
        table.post(BASE + "/take-profit", Access.TRADER, "Set a position's take-profit (stop_price)",
                (ctx, who) -> protect(ctx, who, Kind.TAKE_PROFIT));
        table.post(BASE + "/trailing-stop", Access.TRADER, "Set a position's trailing stop (callback_rate in percent)",
                (ctx, who) -> protect(ctx, who, Kind.TRAILING_STOP));
        table.post(BASE + "/check-triggers", Access.TRADER, "Check local triggers against the latest prices now",
                (ctx, who) -> answers.ok(ctx, protection.checkTriggers(who)));
        table.get(BASE + "/active", Access.VIEWER, "Active protective orders",
                (ctx, who) -> answers.ok(ctx, protection.active()));
        table.get(BASE + "/health", Access.VIEWER, "Health of the protection service",
                (ctx, who) -> answers.ok(ctx, protection.protectionHealth()));
        table.post(BASE + "/monitor/start", Access.ADMIN, "Start the local trigger monitor",
                (ctx, who) -> answers.outcome(ctx, protection.startMonitor(who)));
        table.post(BASE + "/monitor/stop", Access.ADMIN, "Stop the local trigger monitor",
                (ctx, who) -> answers.outcome(ctx, protection.stopMonitor(who)));
        table.get(BASE + "/monitor/status", Access.VIEWER, "The local trigger monitor's state",
                (ctx, who) -> answers.ok(ctx, protection.monitorStatus()));
        table.delete(BASE + "/{order_id}", Access.TRADER, "Remove a protective order",
                (ctx, who) -> answers.outcome(ctx, protection.remove(who,
                        TradingRoutes.checkedId("order_id", ctx.pathParam("order_id")))));
    }

    private enum Kind { STOP_LOSS, TAKE_PROFIT, TRAILING_STOP }

    private void protect(Context ctx, Principal who, Kind kind) {
        JsonFields f = bodies.fields(ctx);
        Optional<Symbol> symbol = f.required("symbol", f.parsed("symbol", Symbol::of));
        Market market = f.parsed("market", Market::parse).orElse(Market.SPOT);
        Optional<String> positionId = f.text("position_id");
        positionId.ifPresent(id -> {
            if (!id.matches("[A-Za-z0-9._:-]{1,64}")) {
                f.error("position_id", "position_id must be 1-64 letters, digits, '.', '_', ':' or '-'");
            }
        });
        Optional<BigDecimal> quantity = f.positiveDecimal("quantity");
        Optional<BigDecimal> stopPrice = Optional.empty();
        Optional<BigDecimal> callbackRate = Optional.empty();
        Optional<BigDecimal> activationPrice = Optional.empty();
        switch (kind) {
            case STOP_LOSS, TAKE_PROFIT -> stopPrice = f.required("stop_price", f.positiveDecimal("stop_price"));
            case TRAILING_STOP -> {
                callbackRate = f.required("callback_rate", f.positiveDecimal("callback_rate"));
                activationPrice = f.positiveDecimal("activation_price");
                if (callbackRate.isPresent() && callbackRate.get().compareTo(BigDecimal.TEN) > 0) {
                    f.error("callback_rate", "callback_rate is a percent of at most 10");
                }
            }
        }
        f.finish();
        ProtectionRequest.Target target = new ProtectionRequest.Target(symbol.orElseThrow(), market,
                positionId.orElse(null), quantity.orElse(null));
        ProtectionRequest request = switch (kind) {
            case STOP_LOSS -> new ProtectionRequest.StopLoss(target, stopPrice.orElseThrow());
            case TAKE_PROFIT -> new ProtectionRequest.TakeProfit(target, stopPrice.orElseThrow());
            case TRAILING_STOP -> new ProtectionRequest.TrailingStop(target, callbackRate.orElseThrow(), activationPrice.orElse(null));
        };
        answers.outcome(ctx, protection.protect(who, request));
    }
}
