package io.tradeguard.server.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Thrown by handlers to end a request with a problem answer. The exception carries only what the client
 * may see; it never wraps a cause, so nothing internal can leak through it.
 */
public final class ApiException extends RuntimeException {
    private final Problem problem;
    private final Duration retryAfter;

    private ApiException(Problem problem, Duration retryAfter) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.retryAfter = retryAfter;
    }

    public static ApiException of(Problem problem) {
        return new ApiException(problem, null);
    }

    public static ApiException of(int status, String code, String detail) {
        return new ApiException(Problem.of(status, code, detail), null);
    }

    public static ApiException badInput(List<Problem.FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("bad input needs at least one field error");
        }
        String detail = errors.size() == 1
                ? errors.getFirst().message()
                : errors.size() + " fields are invalid: " + String.join("; ",
                        errors.stream().map(Problem.FieldError::message).toList());
        return new ApiException(new Problem(null, Problem.titleOf(400), 400, detail, "invalid_request",
                errors, List.of()), null);
    }

    public static ApiException badField(String field, String message) {
        return badInput(List.of(new Problem.FieldError(field, message)));
    }

    public static ApiException tooManyRequests(String detail, Duration retryAfter) {
        return new ApiException(Problem.of(429, "rate_limited", detail), Objects.requireNonNull(retryAfter));
    }

    public Problem problem() {
        return problem;
    }

    /** Present on 429 only. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
