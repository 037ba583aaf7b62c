package io.tradeguard.core.risk;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A limit of the safety rails that can be switched off (only explicitly). The key is the snake_case name
 * the safety service and the configuration use; fractions are written as fractions (0.05 = 5 %).
 */
public enum Limit {
    MAX_POSITION_SIZE_PCT("max_position_size_pct", Kind.FRACTION, "0.10"),
    MAX_POSITION_SIZE_USD("max_position_size_usd", Kind.AMOUNT, "1000"),
    MAX_SYMBOL_EXPOSURE_PCT("max_symbol_exposure_pct", Kind.FRACTION, "0.20"),
    MAX_OPEN_POSITIONS("max_open_positions", Kind.COUNT, "10"),
    DAILY_LOSS_LIMIT_PCT("daily_loss_limit_pct", Kind.FRACTION, "0.05"),
    /** Optional absolute cap: off unless configured. */
    DAILY_LOSS_LIMIT_USD("daily_loss_limit_usd", Kind.AMOUNT, null),
    MAX_CONSECUTIVE_LOSSES("max_consecutive_losses", Kind.COUNT, "3"),
    MIN_ACCOUNT_BALANCE("min_account_balance", Kind.AMOUNT, "100"),
    /** Switching it off leaves the hard cap of {@value RiskConfig#HARD_MAX_LEVERAGE}x in force. */
    MAX_LEVERAGE("max_leverage", Kind.LEVERAGE, "10"),
    MAX_SLIPPAGE_PCT("max_slippage_pct", Kind.FRACTION, "0.005"),
    MAX_PORTFOLIO_HEAT("max_portfolio_heat", Kind.FRACTION, "0.30"),
    EMERGENCY_DRAWDOWN_PCT("emergency_drawdown_pct", Kind.FRACTION, "0.10");

    /** How a limit's value is written and which values make sense. */
    public enum Kind { FRACTION, AMOUNT, COUNT, LEVERAGE }

    private final String key;
    private final Kind kind;
    private final BigDecimal defaultValue;

    Limit(String key, Kind kind, String defaultValue) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue == null ? null : new BigDecimal(defaultValue);
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** The DESIGN.md default, or null for a limit that is off unless configured. */
    BigDecimal defaultValue() {
        return defaultValue;
    }

    public static Limit ofKey(String key) {
        String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        for (Limit limit : values()) {
            if (limit.key.equals(wanted)) {
                return limit;
            }
        }
        throw new IllegalArgumentException("unknown limit '" + key + "'");
    }

    /** The reason a value is not acceptable for this limit, or null when it is. */
    String problemWith(BigDecimal value) {
        return switch (kind) {
            case FRACTION -> value.signum() > 0 && value.compareTo(BigDecimal.ONE) <= 0
                    ? null : "must be a fraction above 0 and at most 1 (0.05 = 5%)";
            case AMOUNT -> value.signum() > 0 ? null : "must be an amount above 0";
            case COUNT -> isWhole(value) && value.signum() > 0 ? null : "must be a whole number of at least 1";
            case LEVERAGE -> !isWhole(value) || value.signum() <= 0
                    ? "must be a whole number of at least 1"
                    : value.compareTo(BigDecimal.valueOf(RiskConfig.HARD_MAX_LEVERAGE)) > 0
                    ? "must not exceed the hard cap of " + RiskConfig.HARD_MAX_LEVERAGE + "x" : null;
        };
    }

    private static boolean isWhole(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0;
    }
}
