package io.tradeguard.core.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The pre-trade check: runs every rule on an order and decides. The engine calls {@link #check} for
 * every order from every source, after the instrument filters and before the safety gates. Protective
 * exits pass without entry rules. When rules reduce the quantity, the smallest reduction wins and the
 * order is checked again at that quantity: what the verdict approves passes every rule.
 *
 * <p>Immutable; build a new one when the configuration changes.
 */
public final class RiskEngine {
    private final RiskConfig config;
    private final PreTradeRule[] rules;
    private final List<RuleResult> switchedOff;
    private final List<RuleResult> exempt;

    public RiskEngine(RiskConfig config) {
        this.config = config;
        boolean adjust = config.autoAdjust();
        List<PreTradeRule> on = new ArrayList<>();
        List<RuleResult> off = new ArrayList<>();
        on.add(new FreeBalanceRule(adjust));
        addIfOn(on, off, Limit.MAX_POSITION_SIZE_PCT, RuleId.POSITION_SIZE, v -> new PositionSizeRule(v, adjust));
        addIfOn(on, off, Limit.MAX_POSITION_SIZE_USD, RuleId.POSITION_SIZE_CAP, v -> new PositionSizeCapRule(v, adjust));
        addIfOn(on, off, Limit.MAX_SYMBOL_EXPOSURE_PCT, RuleId.SYMBOL_EXPOSURE, v -> new SymbolExposureRule(v, adjust));
        addIfOn(on, off, Limit.MAX_OPEN_POSITIONS, RuleId.OPEN_POSITIONS, v -> new OpenPositionsRule(v.intValueExact()));
        addIfOn(on, off, Limit.DAILY_LOSS_LIMIT_PCT, RuleId.DAILY_LOSS, v -> new DailyLossRule(RuleId.DAILY_LOSS, v, true, adjust));
        addIfOn(on, off, Limit.DAILY_LOSS_LIMIT_USD, RuleId.DAILY_LOSS_CAP, v -> new DailyLossRule(RuleId.DAILY_LOSS_CAP, v, false, adjust));
        addIfOn(on, off, Limit.MAX_CONSECUTIVE_LOSSES, RuleId.CONSECUTIVE_LOSSES, v -> new ConsecutiveLossesRule(v.intValueExact()));
        addIfOn(on, off, Limit.MIN_ACCOUNT_BALANCE, RuleId.MIN_ACCOUNT_BALANCE, MinAccountBalanceRule::new);
        on.add(new LeverageRule(config.leverageCap()));
        on.add(new LiquidationDistanceRule());
        addIfOn(on, off, Limit.MAX_SLIPPAGE_PCT, RuleId.SLIPPAGE, v -> new SlippageRule(v, config.slippageAction()));
        addIfOn(on, off, Limit.MAX_PORTFOLIO_HEAT, RuleId.PORTFOLIO_HEAT, v -> new PortfolioHeatRule(v, adjust));
        this.rules = on.toArray(PreTradeRule[]::new);
        this.switchedOff = List.copyOf(off);
        List<RuleResult> skipped = new ArrayList<>();
        for (RuleId id : RuleId.values()) {
            skipped.add(new RuleResult.Skipped(id, RuleResult.Skipped.Why.PROTECTIVE_EXIT));
        }
        this.exempt = List.copyOf(skipped);
    }

    public RiskConfig config() {
        return config;
    }

    public RiskVerdict check(ProposedOrder order, RiskContext context) {
        if (order.isProtectiveExit()) {
            return new RiskVerdict(RiskVerdict.Decision.APPROVED, exempt, order.quantity(), null, 0);
        }
        List<RuleResult> results = run(order, context);
        BigDecimal reduced = null;
        BigDecimal limitPrice = null;
        for (RuleResult result : results) {
            switch (result) {
                case RuleResult.Rejected rejected -> {
                    return new RiskVerdict(RiskVerdict.Decision.REJECTED, results, null, null, 100);
                }
                case RuleResult.Adjusted adjusted ->
                        reduced = reduced == null ? adjusted.quantity() : reduced.min(adjusted.quantity());
                case RuleResult.ConvertedToLimit converted -> limitPrice = converted.limitPrice();
                case RuleResult.Passed passed -> { }
                case RuleResult.Skipped skipped -> { }
            }
        }
        if (reduced == null) {
            return new RiskVerdict(limitPrice == null ? RiskVerdict.Decision.APPROVED : RiskVerdict.Decision.ADJUSTED,
                    results, order.quantity(), limitPrice, RiskScore.of(results));
        }
        return recheck(order.withQuantity(reduced), context, results);
    }

    /** Every rule's limit is monotone in the quantity, so the smallest reduction passes them all; verified here. */
    private RiskVerdict recheck(ProposedOrder reduced, RiskContext context, List<RuleResult> firstPass) {
        List<RuleResult> again = run(reduced, context);
        BigDecimal limitPrice = null;
        for (RuleResult result : again) {
            switch (result) {
                case RuleResult.Passed passed -> { }
                case RuleResult.Skipped skipped -> { }
                case RuleResult.ConvertedToLimit converted -> limitPrice = converted.limitPrice();
                case RuleResult.Adjusted adjusted -> {
                    return new RiskVerdict(RiskVerdict.Decision.REJECTED, withFailure(firstPass, adjusted.rule(),
                            "the reduced quantity still does not fit"), null, null, 100);
                }
                case RuleResult.Rejected rejected -> {
                    return new RiskVerdict(RiskVerdict.Decision.REJECTED, withFailure(firstPass, rejected.rule(),
                            "the reduced quantity is refused: " + rejected.reason()), null, null, 100);
                }
            }
        }
        return new RiskVerdict(RiskVerdict.Decision.ADJUSTED, firstPass, reduced.quantity(), limitPrice, RiskScore.of(again));
    }

    private List<RuleResult> run(ProposedOrder order, RiskContext context) {
        OrderUnderCheck subject = OrderUnderCheck.of(order, context);
        List<RuleResult> results = new ArrayList<>(rules.length + switchedOff.size());
        for (PreTradeRule rule : rules) {
            results.add(rule.check(subject));
        }
        results.addAll(switchedOff);
        return results;
    }

    private static List<RuleResult> withFailure(List<RuleResult> results, RuleId rule, String why) {
        List<RuleResult> out = new ArrayList<>(results);
        out.add(new RuleResult.Rejected(rule, null, why));
        return out;
    }

    private void addIfOn(List<PreTradeRule> on, List<RuleResult> off, Limit limit, RuleId id,
                         Function<BigDecimal, PreTradeRule> make) {
        BigDecimal value = config.value(limit);
        if (value == null) {
            off.add(new RuleResult.Skipped(id, RuleResult.Skipped.Why.SWITCHED_OFF));
        } else {
            on.add(make.apply(value));
        }
    }
}
