package io.tradeguard.binance.spot;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;

/** Strict reads of wire JSON: a required field that is missing or malformed fails here, with its name. */
public final class Fields {
    private Fields() {
    }

    public static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    public static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    public static String optText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Decimals arrive as strings ("0.10000000"); exact numbers are accepted too, doubles never produced. */
    public static BigDecimal decimal(JsonNode node, String field) {
        return toDecimal(required(node, field), field);
    }

    public static BigDecimal optDecimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : toDecimal(value, field);
    }

    /** Binance writes "0.00000000" for "no price" (market orders, no stop): that is absent, not zero. */
    public static BigDecimal positiveOrNull(JsonNode node, String field) {
        BigDecimal value = optDecimal(node, field);
        return value == null || value.signum() <= 0 ? null : value;
    }

    public static long longValue(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.canConvertToLong() && !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is not an integer: " + value);
        }
        return value.isTextual() ? Long.parseLong(value.asText()) : value.asLong();
    }

    public static long optLong(JsonNode node, String field, long absent) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? absent : longValue(node, field);
    }

    public static boolean bool(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("field '" + field + "' is not a boolean: " + value);
        }
        return value.asBoolean();
    }

    public static Instant millis(JsonNode node, String field) {
        return Instant.ofEpochMilli(longValue(node, field));
    }

    private static BigDecimal toDecimal(JsonNode value, String field) {
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("field '" + field + "' is not a decimal: " + value.asText());
            }
        }
        if (value.isBigDecimal() || value.isIntegralNumber()) {
            return value.decimalValue();
        }
        throw new IllegalArgumentException("field '" + field + "' is not a decimal: " + value);
    }
}
