package io.tradeguard.server.http;

import io.javalin.http.HandlerType;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One endpoint: method, path (Javalin syntax, {@code {id}} for a path parameter), who may call it, a
 * one-line description for the OpenAPI document, and the handler.
 */
public record Route(HandlerType method, String path, Access access, String summary, RouteHandler handler) {
    private static final Set<HandlerType> METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);
    private static final Pattern PATH = Pattern.compile("(/[a-z0-9._-]+|/\\{[a-z_]+})+|/");

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(handler, "handler");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unsupported method " + method);
        }
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("bad route path " + path);
        }
    }
}
