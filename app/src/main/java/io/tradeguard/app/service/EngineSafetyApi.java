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

/**
 * {@code /api/trading-safety/…} over the risk rules and the engine's daily figures. The kill switch and the
 * circuit breaker are not wired in this version: their status says so and their reset is refused.
 */
final class EngineSafetyApi implements SafetyApi {
    private static final Logger LOG = LoggerFactory.getLogger(EngineSafetyApi.class);

    private final EngineLink link;
    private final RiskCheck risk;
    private final EventFeed feed;

    EngineSafetyApi(EngineLink link, RiskCheck risk, EventFeed feed) {
        this.link = link;
        this.risk = risk;
        this.feed = feed;
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
        BigDecimal max = Optional.ofNullable(risk.config().value(Limit.MAX_SLIPPAGE_PCT)).orElse(BigDecimal.ONE);
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
        return new Outcome.Conflict<>("recorded_from_fills", "the engine records every trade from the venue's fills; "
                + "trades cannot be recorded by hand in this version");
    }

    @Override
    public SafetyStatus safetyStatus() {
        TradingSnapshot s = link.snapshotOrThrow();
        SafetyStatus.CircuitBreakerState breaker = feed.breakerOpen() ? SafetyStatus.CircuitBreakerState.OPEN
                : SafetyStatus.CircuitBreakerState.CLOSED;
        return new SafetyStatus(false, null, s.daily().realizedPnl(), s.daily().tradeCount(),
                Math.max(0, -s.daily().streak()), null, breaker, s.halted(), configuration());
    }

    @Override
    public Outcome<SafetyStatus> resetKillSwitch(Principal by) {
        return new Outcome.Conflict<>("kill_switch_not_wired", "the kill switch is not wired in this version, so there is nothing to reset; "
                + "an emergency stop is lifted with POST /api/real-trading/emergency-stop/reset");
    }

    @Override
    public SafetyConfiguration configuration() {
        RiskConfig c = risk.config();
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
        RiskConfig c = risk.config();
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
        risk.updateConfig(c);
        LOG.info("risk limits changed by {}: {}", by.username().value(), c.asKeyValues());
        return Outcome.done(configuration());
    }

    @Override
    public ComponentHealth safetyHealth() {
        return new ComponentHealth(ComponentHealth.Status.UP, "risk rules active; kill switch not wired in this version");
    }
}
