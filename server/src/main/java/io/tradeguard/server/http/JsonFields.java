package io.tradeguard.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one JSON object field by field, collecting an error per bad field (named as the client sent it)
 * instead of stopping at the first. {@link #finish()} refuses fields nobody read, so a typo such as
 * {@code "stop_los"} is an error rather than an order without its stop.
 */
public final class JsonFields {
    /** A plain decimal: digits, an optional fraction, no exponent, no NaN or Infinity. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,40}(\\.\\d{1,40})?");
    /** No price or quantity on Binance comes near 10^15 or needs more than 18 decimals. */
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final int MAX_SCALE = 18;

    private final ObjectNode node;
    private final Set<String> read = new HashSet<>();
    private final List<Problem.FieldError> errors = new ArrayList<>();

    private JsonFields(ObjectNode node) {
        this.node = node;
    }

    public static JsonFields of(JsonNode root) {
        if (!(root instanceof ObjectNode object)) {
            throw ApiException.badField("body", "the request body must be a JSON object");
        }
        return new JsonFields(object);
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public Optional<String> text(String name) {
        JsonNode value = take(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            return fail(name, name + " must be a string");
        }
        return Optional.of(value.textValue());
    }

    /** A string parsed by {@code parser}, whose IllegalArgumentException message becomes the field's error. */
    public <T> Optional<T> parsed(String name, Function<String, T> parser) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(text.get()));
        } catch (IllegalArgumentException e) {
            return fail(name, name + ": " + e.getMessage());
        }
    }

    public <T> Optional<T> required(String name, Optional<T> value) {
        if (value.isEmpty() && !hasError(name)) {
            error(name, name + " is required");
        }
        return value;
    }

    public Optional<Boolean> bool(String name) {
        JsonNode value = take(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            return fail(name, name + " must be true or false");
        }
        return Optional.of(value.booleanValue());
    }

    public Optional<Integer> integer(String name, int min, int max) {
        JsonNode value = take(name);
        if (value == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> number = asDecimal(name, value);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal n = number.get();
        if (n.stripTrailingZeros().scale() > 0) {
            return fail(name, name + " must be a whole number");
        }
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            return fail(name, name + " must be between " + min + " and " + max + ", was " + n.toPlainString());
        }
        return Optional.of(n.intValueExact());
    }

    /** A decimal strictly above zero, given as a JSON number or a plain decimal string. */
    public Optional<BigDecimal> positiveDecimal(String name) {
        JsonNode value = take(name);
        if (value == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> number = asDecimal(name, value);
        if (number.isPresent() && number.get().signum() <= 0) {
            return fail(name, name + " must be greater than zero, was " + number.get().toPlainString());
        }
        return number;
    }

    /** A decimal of either sign (a P&L). */
    public Optional<BigDecimal> signedDecimal(String name) {
        JsonNode value = take(name);
        return value == null ? Optional.empty() : asDecimal(name, value);
    }

    /** A decimal of zero or more (a balance floor). */
    public Optional<BigDecimal> nonNegativeDecimal(String name) {
        Optional<BigDecimal> number = signedDecimal(name);
        if (number.isPresent() && number.get().signum() < 0) {
            return fail(name, name + " must not be negative, was " + number.get().toPlainString());
        }
        return number;
    }

    public void error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    public boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Throws a 400 listing every bad and every unknown field; returns when the object was clean. */
    public void finish() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                error(safeName(name), "unknown field '" + safeName(name) + "'");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
    }

    private JsonNode take(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private Optional<BigDecimal> asDecimal(String name, JsonNode value) {
        BigDecimal number;
        if (value.isBigDecimal()) {
            number = value.decimalValue();
        } else if (value.isIntegralNumber()) {
            number = new BigDecimal(value.bigIntegerValue());
        } else if (value.isTextual() && PLAIN_DECIMAL.matcher(value.textValue()).matches()) {
            number = new BigDecimal(value.textValue());
        } else if (value.isNumber()) {
            return fail(name, name + " must be a decimal number");
        } else {
            return fail(name, name + " must be a decimal number like 0.015 (no exponent, NaN or Infinity)");
        }
        BigDecimal stripped = number.stripTrailingZeros();
        int integerDigits = stripped.precision() - stripped.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || stripped.scale() > MAX_SCALE) {
            return fail(name, name + " is out of range: at most " + MAX_INTEGER_DIGITS
                    + " digits before and " + MAX_SCALE + " after the decimal point");
        }
        // 0E-7 and 1.0 are written back plainly; equal amounts compare equal
        return Optional.of(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
    }

    private <T> Optional<T> fail(String name, String message) {
        error(name, message);
        return Optional.empty();
    }

    /** Field names are echoed in answers; keep a hostile one short and printable. */
    private static String safeName(String name) {
        String printable = name.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
    }

}
