package io.tradeguard.app.service;

import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.server.api.TradingMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the service starts with, resolved once: a flag beats its {@code TRADEGUARD_…} environment
 * variable, which beats the {@code --config} file, which beats the default. Validated here; an invalid
 * value stops the start with the key, the value and the rule.
 *
 * @param tradingEnabled whether new orders are allowed at start (live venues: off unless configured)
 * @param hybrid         demo strategy, trade sync and alerts
 */
public record ServiceSettings(Path dataDir, int port, VenueChoice venue, int simPort, Optional<String> simAdminToken,
                              boolean allowMainnet, boolean tradingEnabled, boolean requireConfirmation,
                              TradingMode mode, boolean cancelOpenOrdersOnStop, List<Symbol> symbols,
                              RiskConfig risk, Map<String, String> env, HybridSettings hybrid,
                              java.time.Duration venueSettingsRefresh) {

    public enum VenueChoice {
        SIM("sim"), BINANCE_TESTNET("binance-testnet"), BINANCE_MAINNET("binance-mainnet"), CUSTOM("custom");

        final String wireName;

        VenueChoice(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static VenueChoice parse(String text) {
            for (VenueChoice v : values()) {
                if (v.wireName.equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return v;
                }
            }
            throw new IllegalArgumentException("must be one of sim, binance-testnet, binance-mainnet, custom");
        }

        public boolean live() {
            return this == BINANCE_TESTNET || this == BINANCE_MAINNET || this == CUSTOM;
        }
    }

    /** Values given on the command line; null where a flag was not given. */
    public record Flags(Path config, Integer port, Path dataDir, String venue, Integer simPort, String simAdminToken,
                        String mode) {
    }

    public static ServiceSettings resolve(Flags flags, Map<String, String> env) {
        Path configPath = flags.config() != null ? flags.config()
                : Optional.ofNullable(env.get("TRADEGUARD_CONFIG")).filter(s -> !s.isBlank()).map(Path::of).orElse(null);
        Map<String, String> file = configPath == null ? Map.of() : ConfigFile.load(configPath);
        Resolver r = new Resolver(env, file);

        Path dataDir = r.value("--data-dir", flags.dataDir() == null ? null : flags.dataDir().toString(), "TRADEGUARD_DATA_DIR",
                "data-dir", "./data", Path::of);
        int port = r.value("--port", str(flags.port()), "TRADEGUARD_PORT", "server.port", "8080", v -> port(v, 0));
        VenueChoice venue = r.value("--venue", flags.venue(), "TRADEGUARD_VENUE", "venue", "sim", VenueChoice::parse);
        int simPort = r.value("--sim-port", str(flags.simPort()), "TRADEGUARD_SIM_PORT", "sim.port", "0", v -> port(v, 0));
        Optional<String> simToken = Optional.ofNullable(r.value("--sim-admin-token", flags.simAdminToken(),
                "TRADEGUARD_SIM_ADMIN_TOKEN", "sim.admin-token", null, v -> {
                    if (v.length() < 8) {
                        throw new IllegalArgumentException("must have at least 8 characters");
                    }
                    return v;
                }));
        boolean allowMainnet = r.value(null, null, "TRADEGUARD_ALLOW_MAINNET", "trading.allow-mainnet", "false", ServiceSettings::bool);
        boolean enabled = r.value(null, null, "TRADEGUARD_TRADING_ENABLED", "trading.enabled",
                venue.live() ? "false" : "true", ServiceSettings::bool);
        boolean confirm = r.value(null, null, "TRADEGUARD_REQUIRE_CONFIRMATION", "trading.require-confirmation", "false", ServiceSettings::bool);
        TradingMode mode = r.value("--mode", flags.mode(), "TRADEGUARD_MODE", "trading.mode", "hybrid", TradingMode::parse);
        boolean cancelOnStop = r.value(null, null, "TRADEGUARD_CANCEL_OPEN_ORDERS_ON_STOP",
                "trading.cancel-open-orders-on-stop", "true", ServiceSettings::bool);
        List<Symbol> symbols = r.value(null, null, "TRADEGUARD_SYMBOLS", "trading.symbols", "BTCUSDT,ETHUSDT", v -> {
            List<Symbol> out = new ArrayList<>();
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(Symbol.of(s.strip().toUpperCase(Locale.ROOT)));
                }
            }
            return List.copyOf(out);
        });
        // how often the account's commission rates and the futures maintenance brackets are read again
        java.time.Duration venueSettingsRefresh = r.value(null, null, "TRADEGUARD_VENUE_SETTINGS_REFRESH_MINUTES",
                "trading.venue-settings-refresh-minutes", "60", v -> {
                    long minutes;
                    try {
                        minutes = Long.parseLong(v.strip());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("must be a whole number of minutes");
                    }
                    if (minutes < 1 || minutes > 24 * 60) {
                        throw new IllegalArgumentException("must be from 1 to 1440 minutes");
                    }
                    return java.time.Duration.ofMinutes(minutes);
                });
        RiskConfig risk = RiskConfig.defaults();
        for (Map.Entry<String, String> e : file.entrySet()) {
            if (e.getKey().startsWith(ConfigFile.RISK_PREFIX)) {
                String key = e.getKey().substring(ConfigFile.RISK_PREFIX.length());
                try {
                    risk = risk.withSetting(key, e.getValue());
                } catch (RuntimeException ex) {
                    throw new ConfigException("configuration key '" + e.getKey() + "' value '" + e.getValue() + "': " + ex.getMessage());
                }
            }
        }
        if (venue == VenueChoice.BINANCE_MAINNET && !allowMainnet) {
            throw new ConfigException("venue binance-mainnet trades real money and is refused unless the configuration file says "
                    + "'trading: {allow-mainnet: true}' (or TRADEGUARD_ALLOW_MAINNET=true). Use --venue binance-testnet to try it first.");
        }
        return new ServiceSettings(dataDir, port, venue, simPort, simToken, allowMainnet, enabled, confirm, mode,
                cancelOnStop, symbols, risk, Map.copyOf(env), HybridSettings.resolve(file, env, venue == VenueChoice.SIM),
                venueSettingsRefresh);
    }

    private static String str(Integer value) {
        return value == null ? null : value.toString();
    }

    private static int port(String v, int min) {
        int p;
        try {
            p = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number");
        }
        if (p < min || p > 65535) {
            throw new IllegalArgumentException("must be a port number from " + min + " to 65535");
        }
        return p;
    }

    private static boolean bool(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    /** Finds each value by precedence and names its source when it is invalid. */
    private record Resolver(Map<String, String> env, Map<String, String> file) {
        <T> T value(String flag, String flagValue, String envName, String fileKey, String fallback, Function<String, T> parse) {
            String source;
            String raw;
            if (flagValue != null) {
                source = "option " + flag;
                raw = flagValue;
            } else if (env.get(envName) != null && !env.get(envName).isBlank()) {
                source = "environment variable " + envName;
                raw = env.get(envName);
            } else if (file.containsKey(fileKey)) {
                source = "configuration key '" + fileKey + "'";
                raw = file.get(fileKey);
            } else {
                if (fallback == null) {
                    return null;
                }
                return parse.apply(fallback);
            }
            try {
                return parse.apply(raw);
            } catch (RuntimeException e) {
                boolean secret = envName.contains("TOKEN") || fileKey.contains("token");
                throw new ConfigException(source + " value '" + (secret ? "***" : raw) + "': " + e.getMessage());
            }
        }
    }
}
