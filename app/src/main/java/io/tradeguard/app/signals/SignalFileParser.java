package io.tradeguard.app.signals;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.signal.Signal;
import io.tradeguard.core.signal.SignalDirection;
import io.tradeguard.core.signal.SignalId;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads one signal from the JSON of DESIGN.md section 7, strictly: unknown or repeated fields, numbers
 * written as strings, fractional leverage and trailing content are refused, each with a message naming the
 * field. Decimals are read as BigDecimal, never through double.
 */
final class SignalFileParser {

    /** The wire shape; every field optional here so that a missing one gets our own message. */
    record SignalFile(String id, String symbol, String market, String direction, BigDecimal confidence,
                      BigDecimal entry, @JsonProperty("stop_loss") BigDecimal stopLoss,
                      @JsonProperty("take_profit") BigDecimal takeProfit, Integer leverage,
                      @JsonProperty("size_usd") BigDecimal sizeUsd, String strategy, String source, String time) {
    }

    /** Why a file is not a signal. {@code incomplete}: the JSON ended early, perhaps still being written. */
    static final class InvalidSignalFile extends Exception {
        private final boolean incomplete;

        InvalidSignalFile(String message, boolean incomplete) {
            super(message, null, false, false);
            this.incomplete = incomplete;
        }

        boolean incomplete() {
            return incomplete;
        }
    }

    private static final String KNOWN_FIELDS = "id, symbol, market, direction, confidence, entry, stop_loss, "
            + "take_profit, leverage, size_usd, strategy, source, time";

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * @param defaultSource used when the file names no source
     * @param fileTime      the file's modification time, taken as the signal's time when it names none
     */
    Signal parse(byte[] json, String defaultSource, Instant fileTime) throws InvalidSignalFile {
        SignalFile f = read(json);
        Signal signal;
        try {
            signal = new Signal(
                    field("id", f.id(), SignalId::of),
                    field("symbol", f.symbol(), Symbol::of),
                    field("market", f.market(), Market::parse),
                    field("direction", f.direction(), SignalDirection::parse),
                    required("confidence", f.confidence()),
                    f.entry(), f.stopLoss(), f.takeProfit(), f.leverage(), f.sizeUsd(),
                    f.strategy() == null ? "unnamed" : f.strategy(),
                    f.source() == null ? defaultSource : f.source(),
                    f.time() == null ? fileTime : field("time", f.time(), SignalFileParser::parseTime));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSignalFile(e.getMessage(), false);
        }
        return signal;
    }

    private SignalFile read(byte[] json) throws InvalidSignalFile {
        try {
            return mapper.readValue(json, SignalFile.class);
        } catch (JsonEOFException e) {
            throw new InvalidSignalFile("the JSON ends before the document does (line "
                    + e.getLocation().getLineNr() + ")", true);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidSignalFile("unknown field '" + e.getPropertyName() + "'; known fields: " + KNOWN_FIELDS, false);
        } catch (JsonParseException e) {
            throw new InvalidSignalFile("not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), false);
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                boolean empty = json.length == 0 || new String(json, java.nio.charset.StandardCharsets.UTF_8).isBlank();
                throw new InvalidSignalFile(empty ? "the file is empty" : "a signal must be one JSON object", empty);
            }
            throw new InvalidSignalFile("field '" + fieldPath(e) + "': expected " + expected(e.getTargetType()), false);
        } catch (JsonMappingException e) {
            throw new InvalidSignalFile(e.getPath().isEmpty() ? e.getOriginalMessage()
                    : "field '" + fieldPath(e) + "': " + e.getOriginalMessage(), false);
        } catch (JsonProcessingException e) {
            throw new InvalidSignalFile("not a valid signal: " + e.getOriginalMessage(), false);
        } catch (IOException e) {
            throw new InvalidSignalFile("could not read the JSON: " + e.getMessage(), false);
        }
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == BigDecimal.class) {
            return "a JSON number, like 0.85 or 50000.5";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole JSON number, like 10";
        }
        if (type == String.class) {
            return "a JSON string";
        }
        return "a " + type.getSimpleName();
    }

    private static Instant parseTime(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected an ISO-8601 UTC time like 2026-03-02T10:00:00Z, got '" + text + "'");
        }
    }

    private static <T> T field(String name, String value, Function<String, T> parse) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + name + "': " + e.getMessage());
        }
    }

    private static <T> T required(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return value;
    }
}
