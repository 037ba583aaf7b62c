package io.tradeguard.sim.api;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters of one request, from the query string and the form body (query wins, binance-api.md
 * §2.2), with the exact signed payload. Remembers what was read so unread extras give -1104.
 */
public final class Params {
    static final String DECIMAL_RANGE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
    private static final Pattern DECIMAL = Pattern.compile(DECIMAL_RANGE);
    private static final Pattern LONG = Pattern.compile("^-?[0-9]{1,19}$");
    static final String SYMBOL_RANGE = "^[A-Z0-9-_.]{1,20}$";
    private static final Pattern SYMBOL = Pattern.compile(SYMBOL_RANGE);
    static final String CLIENT_ID_RANGE = "^[\\.A-Z\\:/a-z0-9_-]{1,36}$";
    private static final Pattern CLIENT_ID = Pattern.compile(CLIENT_ID_RANGE);

    private final Map<String, String> values;
    private final String signedPayload;
    private final String signature;
    private final Set<String> read = new LinkedHashSet<>();

    private Params(Map<String, String> values, String signedPayload, String signature) {
        this.values = values;
        this.signedPayload = signedPayload;
        this.signature = signature;
    }

    /** Parses the raw (still percent-encoded) query and body. */
    public static Params parse(String rawQuery, String rawBody) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] sig = new String[1];
        String query = collect(rawQuery == null ? "" : rawQuery, values, sig, false);
        String body = collect(rawBody == null ? "" : rawBody, values, sig, true);
        return new Params(values, query + body, sig[0]);
    }

    /** From already-decoded values (WebSocket API), signed over the sorted params (§2.3). */
    public static Params ofMap(Map<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>(params);
        String sig = values.remove("signature");
        StringBuilder payload = new StringBuilder();
        values.keySet().stream().sorted().forEach(k -> {
            if (!payload.isEmpty()) {
                payload.append('&');
            }
            payload.append(k).append('=').append(values.get(k));
        });
        return new Params(values, payload.toString(), sig);
    }

    /** Adds the segments of one source and returns that source without its signature segment. */
    private static String collect(String raw, Map<String, String> values, String[] sig, boolean body) {
        if (raw.isEmpty()) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        Set<String> seen = new LinkedHashSet<>();
        for (String segment : raw.split("&", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            int eq = segment.indexOf('=');
            String key = decode(eq < 0 ? segment : segment.substring(0, eq));
            String value = eq < 0 ? "" : decode(segment.substring(eq + 1));
            if (!seen.add(key)) {
                throw new ApiError(400, -1101, "Duplicate values for a parameter detected.");
            }
            if (key.equals("signature")) {
                if (sig[0] == null) {
                    sig[0] = value;
                }
                continue;
            }
            if (!kept.isEmpty()) {
                kept.append('&');
            }
            kept.append(segment);
            if (body) {
                values.putIfAbsent(key, value);
            } else {
                values.put(key, value);
            }
        }
        return kept.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, -1100, "Illegal characters found in a parameter.");
        }
    }

    public String signedPayload() {
        return signedPayload;
    }

    public String signature() {
        return signature;
    }

    public boolean has(String name) {
        String v = values.get(name);
        return v != null && !v.isEmpty();
    }

    /** Optional value; empty counts as an error (-1105). */
    public String optional(String name) {
        read.add(name);
        String v = values.get(name);
        if (v != null && v.isEmpty()) {
            throw new ApiError(400, -1105, "Parameter '" + name + "' was empty.");
        }
        return v;
    }

    public String required(String name) {
        read.add(name);
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            throw ApiError.mandatory(name);
        }
        return v;
    }

    public String symbol(String name, boolean required) {
        String v = required ? required(name) : optional(name);
        if (v != null && !SYMBOL.matcher(v).matches()) {
            throw ApiError.illegal(name, SYMBOL_RANGE);
        }
        return v;
    }

    public String clientId(String name) {
        String v = optional(name);
        if (v != null && !CLIENT_ID.matcher(v).matches()) {
            throw ApiError.illegal(name, CLIENT_ID_RANGE);
        }
        return v;
    }

    /** A DECIMAL parameter; more than 8 decimals is -1111. */
    public BigDecimal decimal(String name, boolean required) {
        String v = required ? required(name) : optional(name);
        if (v == null) {
            return null;
        }
        if (!DECIMAL.matcher(v).matches()) {
            throw ApiError.illegal(name, DECIMAL_RANGE);
        }
        BigDecimal d = new BigDecimal(v);
        if (d.stripTrailingZeros().scale() > 8) {
            throw new ApiError(400, -1111, "Parameter '" + name + "' has too much precision.");
        }
        return d;
    }

    public Long longValue(String name, boolean required) {
        String v = required ? required(name) : optional(name);
        if (v == null) {
            return null;
        }
        if (!LONG.matcher(v).matches()) {
            throw ApiError.illegal(name, "^[0-9]{1,20}$");
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ApiError(400, -1108, "Parameter '" + name + "' overflowed.");
        }
    }

    /** -1104 when something was sent that this endpoint does not read. */
    public void requireAllRead() {
        int signed = signature != null ? 1 : 0;
        int sent = values.size() + signed;
        long known = values.keySet().stream().filter(read::contains).count() + signed;
        if (known < sent) {
            throw new ApiError(400, -1104, "Not all sent parameters were read; read '" + known
                    + "' parameter(s) but was sent '" + sent + "'.");
        }
    }
}
