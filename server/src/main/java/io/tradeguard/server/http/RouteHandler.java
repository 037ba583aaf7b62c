package io.tradeguard.server.http;

import io.javalin.http.Context;
import io.tradeguard.server.auth.Principal;

/** A route's work, after authentication and authorization have passed. */
@FunctionalInterface
public interface RouteHandler {
    /** @param caller the authenticated caller; null on {@link Access#PUBLIC} routes only */
    void handle(Context ctx, Principal caller) throws Exception;
}
