package io.tradeguard.app.service;

import io.tradeguard.core.risk.Limit;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.server.api.ComponentHealth;
import io.tradeguard.server.api.Outcome;
import io.tradeguard.server.api.RiskVerdict;
import io.tradeguard.server.api.RuleResult;
import io.tradeguard.server.api.SafetyApi;
import io.tradeguard.server.api.SafetyConfiguration;
import io.tradeguard.server.api.SafetyConfigurationPatch;
import io.tradeguard.server.api.SafetyStatus;
import io.tradeguard.server.api.SlippageCheck;
import io.tradeguard.server.api.SlippageVerdict;
import io.tradeguard.server.api.TradeResult;
import io.tradeguard.server.auth.Principal;
import io.tradeguard.server.order.OrderIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** {@code /api/trading-safety/…} over the engine's rails ({@link io.tradeguard.core.guard.TradingGuards}). */
final class EngineSafetyApi implements SafetyApi {
    private static final Logger LOG = LoggerFactory.getLogger(EngineSafetyApi.class);

    private final EngineLink link;
    private final RiskCheck risk;

    EngineSafetyApi(EngineLink link, RiskCheck risk) {
        this.link = link;
        this.risk = risk;
    }

    @Override
    public RiskVerdict validate(Principal by, OrderIntent order) {
        Optional<String> unsupported = EngineTradingApi.unsupported(order);
        if (unsupported.isPresent()) {
            return refused("order_check", unsupported.get());
        }
        io.tradeguard.core.order.OrderIntent intent = EngineTradingApi.toCore(order, io.tradeguard.core.order.OrderOrigin.MANUAL);
        Optional<String> bookProblem = link.refreshBook(intent);
        return switch (risk.judge(intent, link.snapshotOrThrow())) {
            case RiskCheck.Judgement.NotJudged n -> refused("order_check", n.reason());
            case RiskCheck.Judgement.Judged j -> EngineTradingApi.verdict(j.verdict(), bookProblem);
        };
    }

    private static RiskVerdict refused(String rule, String reason) {
        return new RiskVerdict(false, 100, List.of(new RuleResult(rule, false, reason, null, null)));
    }

    @Override
    public SlippageVerdict checkSlippage(SlippageCheck check) {
        BigDecimal max = Optional.ofNullable(risk.guards().config().value(Limit.MAX_SLIPPAGE_PCT)).orElse(BigDecimal.ONE);
        BigDecimal diff = check.actualPrice().subtract(check.expectedPrice());
        BigDecimal adverse = check.side() == io.tradeguard.core.model.Side.BUY ? diff : diff.negate();
        BigDecimal pct = adverse.max(BigDecimal.ZERO).divide(check.expectedPrice(), 8, RoundingMode.HALF_UP).stripTrailingZeros();
        boolean ok = pct.compareTo(max) <= 0;
        String message = (ok ? "slippage " : "slippage too high: ") + pct.movePointRight(2).toPlainString()
                + " % against a limit of " + max.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
        return new SlippageVerdict(ok, pct, max, message);
    }

    @Override
    public Outcome<SafetyStatus> recordTrade(Principal by, TradeResult trade) {
        // a trade done elsewhere (another tool, by hand): the kill switch counts it like one of ours
        try {
            risk.guards().recordOutsideTrade(by.username().value(), trade.symbol(), trade.realizedPnl(), link.snapshot().orElse(null));
        } catch (IllegalStateException notYet) {
            return new Outcome.Unavailable<>(notYet.getMessage() + "; record the trade again once prices have arrived");
        }
        LOG.info("outside trade in {} with realized P&L {} recorded by {}", trade.symbol().value(),
                trade.realizedPnl().toPlainString(), by.username().value());
        return Outcome.done(safetyStatus());
    }

    @Override
    public SafetyStatus safetyStatus() {
        io.tradeguard.core.safety.SafetyStatus g = risk.guards().status();
        boolean halted = link.snapshot().map(TradingSnapshot::halted).orElse(g.emergencyHalt());
        SafetyStatus.CircuitBreakerState breaker = switch (g.circuitBreaker()) {
            case CLOSED -> SafetyStatus.CircuitBreakerState.CLOSED;
            case OPEN -> SafetyStatus.CircuitBreakerState.OPEN;
            case HALF_OPEN -> SafetyStatus.CircuitBreakerState.HALF_OPEN;
        };
        return new SafetyStatus(g.killSwitchActive(), g.killSwitchReason(), g.dailyPnl(), g.tradesToday(),
                g.consecutiveLosses(), g.lastReset(), breaker, halted, configuration());
    }

    @Override
    public Outcome<SafetyStatus> resetKillSwitch(Principal by) {
        try {
            risk.guards().resetKillSwitch(by.username().value(), "reset through the API");
        } catch (IllegalStateException notActive) {
            return new Outcome.Conflict<>("kill_switch_not_active", notActive.getMessage()
                    + "; an emergency stop is lifted with POST /api/real-trading/emergency-stop/reset");
        }
        LOG.warn("kill switch reset by {}", by.username().value());
        return Outcome.done(safetyStatus());
    }

    @Override
    public SafetyConfiguration configuration() {
        RiskConfig c = risk.guards().config();
        return new SafetyConfiguration(orZero(c, Limit.MAX_POSITION_SIZE_PCT), orZero(c, Limit.DAILY_LOSS_LIMIT_PCT),
                orZero(c, Limit.MAX_CONSECUTIVE_LOSSES).intValue(), orZero(c, Limit.MIN_ACCOUNT_BALANCE),
                orZero(c, Limit.MAX_SLIPPAGE_PCT), orZero(c, Limit.MAX_PORTFOLIO_HEAT));
    }

    /** A switched-off limit shows as 0 here; {@code disabledLimits} of the risk config is the authority. */
    private static BigDecimal orZero(RiskConfig c, Limit limit) {
        return Optional.ofNullable(c.value(limit)).orElse(BigDecimal.ZERO);
    }

    @Override
    public Outcome<SafetyConfiguration> updateConfiguration(Principal by, SafetyConfigurationPatch patch) {
        RiskConfig c = risk.guards().config();
        try {
            if (patch.maxPositionSizePct().isPresent()) c = c.with(Limit.MAX_POSITION_SIZE_PCT, patch.maxPositionSizePct().get());
            if (patch.dailyLossLimitPct().isPresent()) c = c.with(Limit.DAILY_LOSS_LIMIT_PCT, patch.dailyLossLimitPct().get());
            if (patch.maxConsecutiveLosses().isPresent()) c = c.with(Limit.MAX_CONSECUTIVE_LOSSES, BigDecimal.valueOf(patch.maxConsecutiveLosses().get()));
            if (patch.minAccountBalance().isPresent()) c = c.with(Limit.MIN_ACCOUNT_BALANCE, patch.minAccountBalance().get());
            if (patch.maxSlippagePct().isPresent()) c = c.with(Limit.MAX_SLIPPAGE_PCT, patch.maxSlippagePct().get());
            if (patch.maxPortfolioHeat().isPresent()) c = c.with(Limit.MAX_PORTFOLIO_HEAT, patch.maxPortfolioHeat().get());
        } catch (IllegalArgumentException e) {
            return new Outcome.Conflict<>("invalid_configuration", e.getMessage());
        }
        risk.guards().updateConfig(c);
        LOG.info("risk limits changed by {}: {}", by.username().value(), c.asKeyValues());
        return Outcome.done(configuration());
    }

    @Override
    public ComponentHealth safetyHealth() {
        io.tradeguard.core.safety.SafetyStatus g = risk.guards().status();
        if (g.killSwitchActive()) {
            return new ComponentHealth(ComponentHealth.Status.DEGRADED, "kill switch active: " + g.killSwitchReason());
        }
        return g.circuitBreaker() == io.tradeguard.core.safety.CircuitBreaker.Status.CLOSED
                ? new ComponentHealth(ComponentHealth.Status.UP, "risk rules, kill switch and circuit breaker active")
                : new ComponentHealth(ComponentHealth.Status.DEGRADED, "circuit breaker " + g.circuitBreaker());
    }
}
