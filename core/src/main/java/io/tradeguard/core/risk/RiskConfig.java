package io.tradeguard.core.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every limit and setting of the safety rails, validated as a whole. A limit absent from {@code limits} is
 * switched off; that only happens through {@link #without(Limit)} or the value {@code off}, never by
 * leaving a value out of a file (the loader starts from {@link #defaults()}).
 *
 * @param limits                 the limits that are on, with their values (DESIGN.md section 4 defaults)
 * @param slippageAction         what happens to a market order over the slippage limit
 * @param autoAdjust             orders above a size limit are reduced to the largest allowed quantity
 *                               (the verdict says so) instead of being rejected
 * @param defaultStopLossPct     automatic stop-loss distance from the entry, as a fraction
 * @param defaultTakeProfitPct   automatic take-profit distance from the entry, as a fraction
 * @param trailingStopPct        trailing distance when a trailing stop is enabled, as a fraction
 * @param circuitBreakerThreshold consecutive exchange errors that open the circuit breaker
 * @param circuitBreakerCooldown how long an open circuit breaker refuses orders before one probe
 */
public record RiskConfig(Map<Limit, BigDecimal> limits, SlippageAction slippageAction, boolean autoAdjust,
                         BigDecimal defaultStopLossPct, BigDecimal defaultTakeProfitPct,
                         BigDecimal trailingStopPct, int circuitBreakerThreshold,
                         Duration circuitBreakerCooldown) {

    /** Leverage can never be configured above this. */
    public static final int HARD_MAX_LEVERAGE = 20;

    public static final String SLIPPAGE_ACTION = "slippage_action";
    public static final String AUTO_ADJUST = "auto_adjust_size";
    public static final String STOP_LOSS_PCT = "default_stop_loss_pct";
    public static final String TAKE_PROFIT_PCT = "default_take_profit_pct";
    public static final String TRAILING_STOP_PCT = "trailing_stop_pct";
    public static final String CB_THRESHOLD = "circuit_breaker_threshold";
    public static final String CB_COOLDOWN = "circuit_breaker_cooldown_seconds";

    public RiskConfig {
        Objects.requireNonNull(limits, "limits");
        EnumMap<Limit, BigDecimal> copy = new EnumMap<>(Limit.class);
        for (Map.Entry<Limit, BigDecimal> entry : limits.entrySet()) {
            Limit limit = Objects.requireNonNull(entry.getKey(), "limit");
            BigDecimal value = entry.getValue();
            if (value == null) {
                throw invalid(limit.key(), "null", "needs a value, or switch the limit off explicitly");
            }
            String problem = limit.problemWith(value);
            if (problem != null) {
                throw invalid(limit.key(), value.toPlainString(), problem);
            }
            copy.put(limit, value);
        }
        limits = Collections.unmodifiableMap(copy);
        if (slippageAction == null) {
            throw invalid(SLIPPAGE_ACTION, "null", "must be reject or convert_to_limit");
        }
        requireFraction(STOP_LOSS_PCT, defaultStopLossPct, true);
        requireFraction(TAKE_PROFIT_PCT, defaultTakeProfitPct, false);
        requireFraction(TRAILING_STOP_PCT, trailingStopPct, true);
        if (circuitBreakerThreshold < 1) {
            throw invalid(CB_THRESHOLD, Integer.toString(circuitBreakerThreshold), "must be at least 1");
        }
        if (circuitBreakerCooldown == null || circuitBreakerCooldown.isNegative() || circuitBreakerCooldown.isZero()) {
            throw invalid(CB_COOLDOWN, String.valueOf(circuitBreakerCooldown), "must be a positive number of seconds");
        }
    }

    /** The defaults of DESIGN.md section 4. */
    public static RiskConfig defaults() {
        EnumMap<Limit, BigDecimal> limits = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            if (limit.defaultValue() != null) {
                limits.put(limit, limit.defaultValue());
            }
        }
        return new RiskConfig(limits, SlippageAction.REJECT, true, new BigDecimal("0.02"),
                new BigDecimal("0.05"), new BigDecimal("0.03"), 5, Duration.ofSeconds(300));
    }

    public boolean isOn(Limit limit) {
        return limits.containsKey(limit);
    }

    /** The limit's value, or null when it is switched off. */
    public BigDecimal value(Limit limit) {
        return limits.get(limit);
    }

    /** The limits that are switched off, for the dashboard and the status endpoint. */
    public Set<Limit> disabledLimits() {
        EnumSet<Limit> off = EnumSet.allOf(Limit.class);
        off.removeAll(limits.keySet());
        return Collections.unmodifiableSet(off);
    }

    /** The effective leverage cap: the configured one, or the hard cap when the limit is off. */
    public int leverageCap() {
        BigDecimal configured = limits.get(Limit.MAX_LEVERAGE);
        return configured == null ? HARD_MAX_LEVERAGE : configured.intValueExact();
    }

    public RiskConfig with(Limit limit, BigDecimal value) {
        EnumMap<Limit, BigDecimal> changed = new EnumMap<>(Limit.class);
        changed.putAll(limits);
        changed.put(limit, value);
        return new RiskConfig(changed, slippageAction, autoAdjust, defaultStopLossPct, defaultTakeProfitPct,
                trailingStopPct, circuitBreakerThreshold, circuitBreakerCooldown);
    }

    /** Switches a limit off: the only way to do so. */
    public RiskConfig without(Limit limit) {
        EnumMap<Limit, BigDecimal> changed = new EnumMap<>(Limit.class);
        changed.putAll(limits);
        changed.remove(limit);
        return new RiskConfig(changed, slippageAction, autoAdjust, defaultStopLossPct, defaultTakeProfitPct,
                trailingStopPct, circuitBreakerThreshold, circuitBreakerCooldown);
    }

    public RiskConfig withAutoAdjust(boolean adjust) {
        return new RiskConfig(limits, slippageAction, adjust, defaultStopLossPct, defaultTakeProfitPct,
                trailingStopPct, circuitBreakerThreshold, circuitBreakerCooldown);
    }

    public RiskConfig withSlippageAction(SlippageAction action) {
        return new RiskConfig(limits, action, autoAdjust, defaultStopLossPct, defaultTakeProfitPct,
                trailingStopPct, circuitBreakerThreshold, circuitBreakerCooldown);
    }

    /**
     * One change by key, as the configuration PATCH and the environment give it: a limit's value or
     * {@code off}, or a setting. The message of a refusal names the key, the value and the rule.
     */
    public RiskConfig withSetting(String key, String value) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        String v = value == null ? "" : value.strip();
        return switch (k) {
            case SLIPPAGE_ACTION -> withSlippageAction(switch (v.toLowerCase(Locale.ROOT)) {
                case "reject" -> SlippageAction.REJECT;
                case "convert_to_limit" -> SlippageAction.CONVERT_TO_LIMIT;
                default -> throw invalid(k, v, "must be reject or convert_to_limit");
            });
            case AUTO_ADJUST -> withAutoAdjust(switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw invalid(k, v, "must be true or false");
            });
            case STOP_LOSS_PCT -> new RiskConfig(limits, slippageAction, autoAdjust, decimal(k, v),
                    defaultTakeProfitPct, trailingStopPct, circuitBreakerThreshold, circuitBreakerCooldown);
            case TAKE_PROFIT_PCT -> new RiskConfig(limits, slippageAction, autoAdjust, defaultStopLossPct,
                    decimal(k, v), trailingStopPct, circuitBreakerThreshold, circuitBreakerCooldown);
            case TRAILING_STOP_PCT -> new RiskConfig(limits, slippageAction, autoAdjust, defaultStopLossPct,
                    defaultTakeProfitPct, decimal(k, v), circuitBreakerThreshold, circuitBreakerCooldown);
            case CB_THRESHOLD -> new RiskConfig(limits, slippageAction, autoAdjust, defaultStopLossPct,
                    defaultTakeProfitPct, trailingStopPct, whole(k, v), circuitBreakerCooldown);
            case CB_COOLDOWN -> new RiskConfig(limits, slippageAction, autoAdjust, defaultStopLossPct,
                    defaultTakeProfitPct, trailingStopPct, circuitBreakerThreshold, Duration.ofSeconds(whole(k, v)));
            default -> {
                Limit limit;
                try {
                    limit = Limit.ofKey(k);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown configuration key '" + key + "'");
                }
                yield v.equalsIgnoreCase("off") ? without(limit) : with(limit, decimal(k, v));
            }
        };
    }

    /** Every key with its value as text ({@code off} for a limit that is switched off), in a stable order. */
    public Map<String, String> asKeyValues() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Limit limit : Limit.values()) {
            BigDecimal value = limits.get(limit);
            out.put(limit.key(), value == null ? "off" : value.toPlainString());
        }
        out.put(SLIPPAGE_ACTION, slippageAction.name().toLowerCase(Locale.ROOT));
        out.put(AUTO_ADJUST, Boolean.toString(autoAdjust));
        out.put(STOP_LOSS_PCT, defaultStopLossPct.toPlainString());
        out.put(TAKE_PROFIT_PCT, defaultTakeProfitPct.toPlainString());
        out.put(TRAILING_STOP_PCT, trailingStopPct.toPlainString());
        out.put(CB_THRESHOLD, Integer.toString(circuitBreakerThreshold));
        out.put(CB_COOLDOWN, Long.toString(circuitBreakerCooldown.toSeconds()));
        return Collections.unmodifiableMap(out);
    }

    private static void requireFraction(String key, BigDecimal value, boolean atMostOne) {
        if (value == null || value.signum() <= 0 || (atMostOne && value.compareTo(BigDecimal.ONE) >= 0)) {
            throw invalid(key, value == null ? "null" : value.toPlainString(),
                    atMostOne ? "must be a fraction above 0 and below 1 (0.02 = 2%)" : "must be a fraction above 0 (0.05 = 5%)");
        }
    }

    private static BigDecimal decimal(String key, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw invalid(key, value, "must be a decimal number");
        }
    }

    private static int whole(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(key, value, "must be a whole number");
        }
    }

    private static IllegalArgumentException invalid(String key, String value, String rule) {
        return new IllegalArgumentException("configuration " + key + " = " + value + " is invalid: " + rule);
    }
}
