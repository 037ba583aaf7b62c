package io.tradeguard.binance.auth;

import java.util.Map;
import java.util.TreeMap;

/**
 * The signed payload of a WebSocket-API request: every param except {@code signature}, sorted by name,
 * joined as {@code k=v&k=v} (apiKey included, values not URL-encoded).
 */
public final class WsApiPayload {
    private WsApiPayload() {
    }

    public static String of(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!"signature".equals(name)) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(name).append('=').append(value);
            }
        });
        return out.toString();
    }
}
