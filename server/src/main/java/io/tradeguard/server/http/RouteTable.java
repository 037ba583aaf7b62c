package io.tradeguard.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tradeguard.server.auth.Principal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every HTTP endpoint of the service, in one list: Javalin serves it (each handler wrapped by the
 * {@link Gate}) and the OpenAPI document is written from it, so the two cannot drift apart.
 */
public final class RouteTable {
    private final List<Route> routes = new ArrayList<>();

    public RouteTable get(String path, Access access, String summary, RouteHandler handler) {
        return add(new Route(HandlerType.GET, path, access, summary, handler));
    }

    public RouteTable post(String path, Access access, String summary, RouteHandler handler) {
        return add(new Route(HandlerType.POST, path, access, summary, handler));
    }

    public RouteTable patch(String path, Access access, String summary, RouteHandler handler) {
        return add(new Route(HandlerType.PATCH, path, access, summary, handler));
    }

    public RouteTable delete(String path, Access access, String summary, RouteHandler handler) {
        return add(new Route(HandlerType.DELETE, path, access, summary, handler));
    }

    public RouteTable add(Route route) {
        Objects.requireNonNull(route, "route");
        boolean duplicate = routes.stream().anyMatch(r -> r.method() == route.method() && r.path().equals(route.path()));
        if (duplicate) {
            throw new IllegalArgumentException("route registered twice: " + route.method() + " " + route.path());
        }
        routes.add(route);
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public void registerOn(Javalin app, Gate gate) {
        for (Route route : routes) {
            app.addHttpHandler(route.method(), route.path(), ctx -> route.handler().handle(ctx, gate.admit(ctx, route.access())));
        }
    }

    /** Decides who may pass: returns the caller, or throws 401/403. */
    @FunctionalInterface
    public interface Gate {
        Principal admit(Context ctx, Access access);
    }
}
