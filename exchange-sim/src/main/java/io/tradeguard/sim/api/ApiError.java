package io.tradeguard.sim.api;

import io.tradeguard.sim.engine.Reject;

/** A Binance error answer ({"code","msg"} with its HTTP status), thrown to abort a request at the boundary. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final int code;
    private final transient Integer retryAfter;

    public ApiError(int status, int code, String msg) {
        this(status, code, msg, null);
    }

    public ApiError(int status, int code, String msg, Integer retryAfterSeconds) {
        super(msg, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfterSeconds;
    }

    public static ApiError of(Reject r) {
        return new ApiError(400, r.code(), r.msg());
    }

    public static ApiError mandatory(String name) {
        return new ApiError(400, -1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
    }

    public static ApiError illegal(String name, String range) {
        return new ApiError(400, -1100, "Illegal characters found in parameter '" + name + "'; legal range is '" + range + "'.");
    }

    public static ApiError notRequired(String name) {
        return new ApiError(400, -1106, "Parameter '" + name + "' sent when not required.");
    }

    public static ApiError invalid(String name) {
        return new ApiError(400, -1130, "Data sent for parameter '" + name + "' is not valid.");
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public String msg() {
        return getMessage();
    }

    public Integer retryAfter() {
        return retryAfter;
    }
}
