package io.tradeguard.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem document, the body of every error answer ({@code application/problem+json}).
 *
 * @param type       a URI naming the problem class ({@code urn:tradeguard:problem:<code>})
 * @param title      short, fixed per status
 * @param status     the HTTP status
 * @param detail     a sentence a person can act on
 * @param code       machine-readable code, stable for clients
 * @param errors     input errors, one per field (400 only)
 * @param violations every failed risk rule (422 only)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code,
                      List<FieldError> errors, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(code, "code");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has an error status, not " + status);
        }
        type = "urn:tradeguard:problem:" + code;
        errors = errors == null ? List.of() : List.copyOf(errors);
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static Problem of(int status, String code, String detail) {
        return new Problem(null, titleOf(status), status, detail, code, List.of(), List.of());
    }

    /** One rejected input field; {@code field} is the JSON name (or query parameter) as the client sent it. */
    public record FieldError(String field, String message) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    /** One failed risk rule, with the limit it enforces and the value the order would have reached. */
    public record Violation(String rule, String message, BigDecimal limit, BigDecimal actual) {
        public Violation {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(message, "message");
        }
    }

    static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Rejected by risk rules";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status < 500 ? "Client error" : "Server error";
        };
    }
}
