package io.tradeguard.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --config} YAML file, flattened to dotted keys ({@code trading.allow-mainnet}). Unknown keys are
 * an error: a misspelt safety setting must not be silently ignored.
 */
final class ConfigFile {
    static final Set<String> KEYS = Set.of("server.port", "data-dir", "venue", "sim.port", "sim.admin-token",
            "trading.allow-mainnet", "trading.enabled", "trading.require-confirmation", "trading.mode",
            "trading.cancel-open-orders-on-stop", "trading.symbols", "trading.venue-settings-refresh-minutes");
    /** Secrets someone might try to put in the file; refused with a pointer to the environment variable. */
    private static final Set<String> SECRETS = Set.of("alerts.telegram.bot-token", "alerts.telegram.token",
            "alerts.email.password", "alerts.webhook.authorization");
    private static final java.util.List<String> SECRET_ENV = java.util.List.of(
            io.tradeguard.app.alerts.AlertConfig.BOT_TOKEN_ENV, io.tradeguard.app.alerts.AlertConfig.SMTP_PASSWORD_ENV,
            io.tradeguard.app.alerts.AlertConfig.WEBHOOK_AUTHORIZATION_ENV);
    /** Every key under {@code risk.} goes to the risk configuration, which validates it. */
    static final String RISK_PREFIX = "risk.";

    private ConfigFile() {
    }

    static Map<String, String> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("the configuration file " + file + " does not exist or is not a file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("the configuration file " + file + " is not valid YAML: " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return out;
        }
        if (!root.isObject()) {
            throw new ConfigException("the configuration file " + file + " must be a mapping of keys to values");
        }
        flatten("", root, out);
        for (String key : out.keySet()) {
            if (!KEYS.contains(key) && !key.startsWith(RISK_PREFIX) && !HybridSettings.KEYS.contains(key)) {
                if (SECRETS.contains(key)) {
                    throw new ConfigException("configuration key '" + key + "' is a secret and is never read from a file: "
                            + "set it in the environment (" + String.join(", ", SECRET_ENV) + ")");
                }
                throw new ConfigException("configuration key '" + key + "' is unknown; known keys: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ", "
                        + String.join(", ", HybridSettings.KEYS.stream().sorted().toList()) + ", and risk.<limit>");
            }
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix + field.getKey() + ".", field.getValue(), out);
            }
        } else if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode item : node) {
                joined.append(joined.isEmpty() ? "" : ",").append(item.asText());
            }
            out.put(prefix.substring(0, prefix.length() - 1), joined.toString());
        } else {
            out.put(prefix.substring(0, prefix.length() - 1), node.isNull() ? "" : node.asText());
        }
    }
}
