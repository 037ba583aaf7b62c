package io.tradeguard.server;

import io.javalin.http.Context;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.server.api.SafetyApi;
import io.tradeguard.server.api.SafetyConfigurationPatch;
import io.tradeguard.server.api.SlippageCheck;
import io.tradeguard.server.api.TradeResult;
import io.tradeguard.server.auth.Principal;
import io.tradeguard.server.http.Access;
import io.tradeguard.server.http.Answers;
import io.tradeguard.server.http.ApiException;
import io.tradeguard.server.http.JsonFields;
import io.tradeguard.server.http.RequestBodies;
import io.tradeguard.server.http.RouteTable;
import io.tradeguard.server.order.OrderRequestParser;

import java.math.BigDecimal;
import java.util.Optional;

/** {@code /api/trading-safety/…}: pre-trade checks, kill switch, limits. */
final class SafetyRoutes {
    private static final String BASE = "/api/trading-safety";

    private final SafetyApi safety;
    private final RequestBodies bodies;
    private final Answers answers;

    SafetyRoutes(SafetyApi safety, RequestBodies bodies, Answers answers) {
        this.safety = safety;
        this.bodies = bodies;
        this.answers = answers;
    }

    void addTo(RouteTable table) {
        table.post(BASE + "/validate", Access.TRADER, "Judge an order (same body as a preview) without placing it",
                this::validate);
        table.post(BASE + "/check-slippage", Access.TRADER, "Compare an expected and an actual price with the slippage limit",
                this::checkSlippage);
        table.post(BASE + "/record-trade", Access.ADMIN, "Count a trade made elsewhere against the daily limits",
                this::recordTrade);
        table.get(BASE + "/status", Access.VIEWER, "Kill switch, daily P&L, losses, circuit breaker, halt, limits",
                (ctx, who) -> answers.ok(ctx, safety.safetyStatus()));
        table.post(BASE + "/reset-kill-switch", Access.ADMIN, "Reset the kill switch",
                (ctx, who) -> answers.outcome(ctx, safety.resetKillSwitch(who)));
        table.get(BASE + "/configuration", Access.VIEWER, "The safety limits",
                (ctx, who) -> answers.ok(ctx, safety.configuration()));
        table.patch(BASE + "/configuration", Access.ADMIN, "Change some safety limits (fractions for percentages)",
                this::configure);
        table.get(BASE + "/health", Access.VIEWER, "Health of the safety service",
                (ctx, who) -> answers.ok(ctx, safety.safetyHealth()));
    }

    private void validate(Context ctx, Principal who) {
        OrderRequestParser.Parsed parsed = OrderRequestParser.parse(Optional.empty(), bodies.fields(ctx));
        if (parsed.confirmationToken().isPresent()) {
            throw ApiException.badField("confirmation_token", "validation does not take a confirmation token");
        }
        answers.ok(ctx, safety.validate(who, parsed.intent()));
    }

    private void checkSlippage(Context ctx, Principal who) {
        JsonFields f = bodies.fields(ctx);
        Optional<Symbol> symbol = f.required("symbol", f.parsed("symbol", Symbol::of));
        Optional<Side> side = f.required("side", f.parsed("side", Side::parse));
        Optional<BigDecimal> expected = f.required("expected_price", f.positiveDecimal("expected_price"));
        Optional<BigDecimal> actual = f.required("actual_price", f.positiveDecimal("actual_price"));
        f.finish();
        answers.ok(ctx, safety.checkSlippage(new SlippageCheck(symbol.orElseThrow(), side.orElseThrow(),
                expected.orElseThrow(), actual.orElseThrow())));
    }

    private void recordTrade(Context ctx, Principal who) {
        JsonFields f = bodies.fields(ctx);
        Optional<Symbol> symbol = f.required("symbol", f.parsed("symbol", Symbol::of));
        Optional<BigDecimal> pnl = f.required("realized_pnl", f.signedDecimal("realized_pnl"));
        f.finish();
        answers.outcome(ctx, safety.recordTrade(who, new TradeResult(symbol.orElseThrow(), pnl.orElseThrow())));
    }

    private void configure(Context ctx, Principal who) {
        JsonFields f = bodies.fields(ctx);
        SafetyConfigurationPatch patch = new SafetyConfigurationPatch(
                fraction(f, "max_position_size_pct"), fraction(f, "daily_loss_limit_pct"),
                f.integer("max_consecutive_losses", 1, 1000), f.nonNegativeDecimal("min_account_balance"),
                fraction(f, "max_slippage_pct"), fraction(f, "max_portfolio_heat"));
        f.finish();
        if (patch.isEmpty()) {
            throw ApiException.badField("body", "name at least one limit to change");
        }
        answers.outcome(ctx, safety.updateConfiguration(who, patch));
    }

    /** Percentages travel as fractions: 0.05 is 5 %; 5 would be 500 % and is refused. */
    private static Optional<BigDecimal> fraction(JsonFields f, String name) {
        Optional<BigDecimal> value = f.positiveDecimal(name);
        if (value.isPresent() && value.get().compareTo(BigDecimal.ONE) > 0) {
            f.error(name, name + " is a fraction between 0 and 1 (0.05 = 5%), was " + value.get().toPlainString());
            return Optional.empty();
        }
        return value;
    }
}
