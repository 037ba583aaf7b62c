package io.tradeguard.binance.rest;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Request parameters in the order they are sent. Values are text on the wire: decimals are written
 * with {@link BigDecimal#toPlainString()} (there is deliberately no overload for {@code double}), and the
 * encoded form is what gets signed (Binance verifies the percent-encoded bytes since 2026-01-15).
 */
public final class Params {
    private final List<Param> entries;

    private Params(int capacity) {
        entries = new ArrayList<>(capacity);
    }

    public record Param(String name, String value) {
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public static Params of() {
        return new Params(12); // an order's parameters plus recvWindow and timestamp without growing
    }

    public Params add(String name, String value) {
        entries.add(new Param(name, value));
        return this;
    }

    public Params add(String name, BigDecimal value) {
        return add(name, value.toPlainString());
    }

    public Params add(String name, long value) {
        return add(name, Long.toString(value));
    }

    /** Adds only when present: optional wire fields are absent, never "null". */
    public Params addIfPresent(String name, Object value) {
        return switch (value) {
            case null -> this;
            case BigDecimal decimal -> add(name, decimal);
            case Long number -> add(name, number.longValue());
            case Integer number -> add(name, number.longValue());
            case String text -> add(name, text);
            case Boolean flag -> add(name, flag.toString());
            default -> throw new IllegalArgumentException("unsupported parameter type " + value.getClass().getSimpleName() + " for " + name);
        };
    }

    public List<Param> entries() {
        return Collections.unmodifiableList(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public String get(String name) {
        for (Param p : entries) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        return null;
    }

    /** {@code a=1&b=x%20y}, UTF-8 percent-encoded (space as %20, never '+'). */
    public String encoded() {
        StringBuilder out = new StringBuilder(entries.size() * 24);
        for (Param p : entries) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(encode(p.name())).append('=').append(encode(p.value()));
        }
        return out.toString();
    }

    static String encode(String text) {
        if (unreserved(text)) {
            return text; // what URLEncoder returns for these characters, without its per-call buffers
        }
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Only characters URLEncoder leaves as they are (letters, digits, {@code . - * _}): nearly every wire value. */
    private static boolean unreserved(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '*' || c == '_';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /** Copies; the copy can be extended without touching this one. */
    public Params copy() {
        Params copy = new Params(entries.size() + 4); // room for recvWindow, timestamp (and a signature)
        copy.entries.addAll(entries);
        return copy;
    }
}
