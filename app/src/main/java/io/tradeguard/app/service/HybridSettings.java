package io.tradeguard.app.service;

import io.tradeguard.app.alerts.AlertConfig;
import io.tradeguard.app.alerts.AlertKind;
import io.tradeguard.app.signals.DemoStrategy;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.signal.MovingAverageCrossover;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hybrid-trading part of the configuration: the built-in demo strategy, the trade sync that finds orders
 * and closures made outside tradeguard, and the alerts. Every key can also be given as an environment variable
 * named {@code TRADEGUARD_} plus the key in capitals with dots and dashes as underscores
 * ({@code alerts.email.host} → {@code TRADEGUARD_ALERTS_EMAIL_HOST}), which beats the file.
 *
 * @param demoStrategy      empty when the demo strategy is off
 * @param tradeSyncInterval how often the engine reconciles with the venue (the user stream brings changes in between)
 */
public record HybridSettings(Optional<DemoStrategy.Settings> demoStrategy, Duration tradeSyncInterval, AlertConfig alerts) {

    static final String DEMO = "signals.demo-strategy";
    static final String DEMO_SYMBOL = "signals.demo-symbol";
    static final String DEMO_INTERVAL = "signals.demo-interval";
    static final String DEMO_FAST = "signals.demo-fast-period";
    static final String DEMO_SLOW = "signals.demo-slow-period";
    static final String DEMO_SPREAD = "signals.demo-full-confidence-spread";
    static final String SYNC = "trading.sync-interval-seconds";

    /** Every configuration key this part reads. */
    static final Set<String> KEYS;

    static {
        Set<String> keys = new LinkedHashSet<>(List.of(DEMO, DEMO_SYMBOL, DEMO_INTERVAL, DEMO_FAST, DEMO_SLOW, DEMO_SPREAD, SYNC));
        keys.addAll(AlertConfig.KEYS);
        for (AlertKind kind : AlertKind.values()) {
            keys.add(AlertConfig.EVENTS_PREFIX + AlertConfig.wireName(kind));
        }
        KEYS = Set.copyOf(keys);
    }

    /**
     * @param demoByDefault whether the demo strategy runs when nothing says otherwise (the embedded simulator:
     *                      yes; a real exchange: never by default)
     */
    static HybridSettings resolve(Map<String, String> file, Map<String, String> env, boolean demoByDefault) {
        try {
            java.util.function.Function<String, String> value = key -> {
                String fromEnv = env.get(envName(key));
                if (fromEnv != null && !fromEnv.isBlank()) {
                    return fromEnv;
                }
                String fromFile = file.get(key);
                return fromFile == null || fromFile.isBlank() ? null : fromFile;
            };
            Optional<DemoStrategy.Settings> demo = Optional.empty();
            if (bool(DEMO, Optional.ofNullable(value.apply(DEMO)).orElse(String.valueOf(demoByDefault)))) {
                DemoStrategy.Settings d = DemoStrategy.Settings.defaults();
                Symbol symbol = parse(DEMO_SYMBOL, Optional.ofNullable(value.apply(DEMO_SYMBOL)).orElse(d.symbol().value()),
                        v -> Symbol.of(v.strip().toUpperCase(Locale.ROOT)));
                String interval = Optional.ofNullable(value.apply(DEMO_INTERVAL)).orElse(d.interval()).strip();
                int fast = parse(DEMO_FAST, Optional.ofNullable(value.apply(DEMO_FAST))
                        .orElse(String.valueOf(d.crossover().fastPeriod())), v -> Integer.parseInt(v.strip()));
                int slow = parse(DEMO_SLOW, Optional.ofNullable(value.apply(DEMO_SLOW))
                        .orElse(String.valueOf(d.crossover().slowPeriod())), v -> Integer.parseInt(v.strip()));
                BigDecimal spread = parse(DEMO_SPREAD, Optional.ofNullable(value.apply(DEMO_SPREAD))
                        .orElse(d.crossover().fullConfidenceSpread().toPlainString()), v -> new BigDecimal(v.strip()));
                try {
                    demo = Optional.of(new DemoStrategy.Settings(symbol, interval,
                            new MovingAverageCrossover.Settings(fast, slow, Market.SPOT, spread)));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("signals.demo-*: " + e.getMessage());
                }
            }
            int sync = parse(SYNC, Optional.ofNullable(value.apply(SYNC)).orElse("30"), v -> {
                int s = Integer.parseInt(v.strip());
                if (s < 1 || s > 3600) {
                    throw new IllegalArgumentException("must be from 1 to 3600 seconds");
                }
                return s;
            });
            Set<String> kindKeys = new LinkedHashSet<>();
            for (AlertKind kind : AlertKind.values()) {
                String key = AlertConfig.EVENTS_PREFIX + AlertConfig.wireName(kind);
                if (env.containsKey(envName(key)) || file.containsKey(key)) {
                    kindKeys.add(key);
                }
            }
            AlertConfig alerts = AlertConfig.resolve(value, env, kindKeys);
            return new HybridSettings(demo, Duration.ofSeconds(sync), alerts);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** {@code alerts.email.host} → {@code TRADEGUARD_ALERTS_EMAIL_HOST}. */
    static String envName(String key) {
        return "TRADEGUARD_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The secrets held in the environment, for the alert sanitiser: never in an alert, whatever happens. */
    static List<String> environmentSecrets(Map<String, String> env) {
        List<String> out = new ArrayList<>();
        for (String name : List.of("TRADEGUARD_API_KEY", "TRADEGUARD_API_SECRET", "TRADEGUARD_ADMIN_PASSWORD",
                "TRADEGUARD_SIM_ADMIN_TOKEN", "TRADEGUARD_JWT_SECRET")) {
            String v = env.get(name);
            // shorter values would mask ordinary words; the configuration refuses secrets that short anyway
            if (v != null && v.strip().length() >= 6) {
                out.add(v.strip());
            }
        }
        return out;
    }

    private static <T> T parse(String key, String text, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new ConfigException("configuration key '" + key + "' value '" + text + "': "
                    + (e instanceof NumberFormatException ? "must be a number" : e.getMessage()));
        }
    }

    private static boolean bool(String key, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException("configuration key '" + key + "' value '" + text + "': must be true or false");
        };
    }
}
