package io.tradeguard.core.risk;

/** The pre-trade rules, each with the words a person reads in a verdict. */
public enum RuleId {
    FREE_BALANCE("free balance", null),
    POSITION_SIZE("position size as a share of equity", Limit.MAX_POSITION_SIZE_PCT),
    POSITION_SIZE_CAP("position size", Limit.MAX_POSITION_SIZE_USD),
    SYMBOL_EXPOSURE("exposure on the symbol", Limit.MAX_SYMBOL_EXPOSURE_PCT),
    OPEN_POSITIONS("open positions", Limit.MAX_OPEN_POSITIONS),
    DAILY_LOSS("worst-case loss today", Limit.DAILY_LOSS_LIMIT_PCT),
    DAILY_LOSS_CAP("worst-case loss today (absolute cap)", Limit.DAILY_LOSS_LIMIT_USD),
    CONSECUTIVE_LOSSES("losing trades in a row", Limit.MAX_CONSECUTIVE_LOSSES),
    MIN_ACCOUNT_BALANCE("account equity", Limit.MIN_ACCOUNT_BALANCE),
    LEVERAGE("leverage", Limit.MAX_LEVERAGE),
    LIQUIDATION_DISTANCE("stop-loss before the liquidation price", null),
    SLIPPAGE("expected slippage", Limit.MAX_SLIPPAGE_PCT),
    PORTFOLIO_HEAT("portfolio heat (loss to every stop)", Limit.MAX_PORTFOLIO_HEAT);

    private final String label;
    private final Limit limit;

    RuleId(String label, Limit limit) {
        this.label = label;
        this.limit = limit;
    }

    public String label() {
        return label;
    }

    /** The configuration limit behind the rule; null for the free-balance rule, which is always on. */
    public Limit limit() {
        return limit;
    }
}
