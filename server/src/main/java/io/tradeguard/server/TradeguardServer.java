package io.tradeguard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.websocket.WsContext;
import io.micrometer.core.instrument.Timer;
import io.tradeguard.server.auth.AccessTokens;
import io.tradeguard.server.auth.LoginThrottle;
import io.tradeguard.server.auth.Passwords;
import io.tradeguard.server.auth.Principal;
import io.tradeguard.server.feed.FeedHub;
import io.tradeguard.server.http.Answers;
import io.tradeguard.server.http.ApiException;
import io.tradeguard.server.http.Json;
import io.tradeguard.server.http.Problem;
import io.tradeguard.server.http.RequestBodies;
import io.tradeguard.server.http.Route;
import io.tradeguard.server.http.RouteTable;
import io.tradeguard.server.order.ConfirmationTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The HTTP service: REST API, WebSocket feed, health, metrics. Build it with {@link #create}, then
 * {@link #start()}; {@link #port()} tells the bound port (useful with port 0); {@link #stop()} ends it.
 *
 * <pre>{@code
 * var server = TradeguardServer.create(ServerConfig.defaults(), new ServerParts(trading, safety,
 *         protection, signals, events, healthChecks, users, secrets, registry, InstantSource.system()));
 * server.start();
 * }</pre>
 */
public final class TradeguardServer {
    private static final Logger log = LoggerFactory.getLogger(TradeguardServer.class);

    /**
     * Only the page's own files run: no inline scripts or styles, no other origins; the feed is same-origin
     * ({@code 'self'} covers ws: on the same host and port). The one style hash is lightweight-charts 5.2.1's own
     * stylesheet, which it inserts as a style element.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-3pRED1tOXas1FXFoPb9TGCjmYe9XQsmO9OV23khV2nY='; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final ServerConfig config;
    private final Javalin app;
    private final RouteTable routes;
    private final FeedHub feed;

    private TradeguardServer(ServerConfig config, Javalin app, RouteTable routes, FeedHub feed) {
        this.config = config;
        this.app = app;
        this.routes = routes;
        this.feed = feed;
    }

    public static TradeguardServer create(ServerConfig config, ServerParts parts) {
        ObjectMapper mapper = Json.mapper();
        Answers answers = new Answers(mapper);
        RequestBodies bodies = new RequestBodies(mapper, config.maxBodyBytes());
        AccessTokens accessTokens = new AccessTokens(parts.secrets().getOrCreate("jwt-signing", 32), parts.clock(),
                config.accessTokenTtl(), config.refreshTokenTtl());
        ConfirmationTokens confirmations = new ConfirmationTokens(parts.secrets().getOrCreate("confirmation-signing", 32),
                parts.clock(), config.confirmationTtl());
        AuthRoutes auth = new AuthRoutes(parts.users(), new Passwords(), accessTokens,
                new LoginThrottle(config.loginAttemptsPerUser(), config.loginAttemptsPerAddress(), config.loginWindow()),
                bodies, answers);

        RouteTable table = new RouteTable();
        auth.addTo(table);
        new TradingRoutes(parts.trading(), confirmations, config.requireConfirmation(), bodies, answers, parts.metrics()).addTo(table);
        new SafetyRoutes(parts.safety(), bodies, answers).addTo(table);
        new ProtectionRoutes(parts.protection(), bodies, answers).addTo(table);
        new SignalRoutes(parts.signals(), bodies, answers, parts.clock()).addTo(table);
        new MarketRoutes(parts.market(), answers).addTo(table);
        new OpsRoutes(parts.health(), parts.metrics(), mapper, parts.clock()).addTo(table);

        FeedHub feed = new FeedHub(parts.events(), mapper, config.feedQueueCapacity(), parts.metrics());

        Javalin app = Javalin.create(cfg -> {
            cfg.useVirtualThreads = true;
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.jsonMapper(new JavalinJackson(mapper, true));
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.requestLogger.http((ctx, ms) -> recordLatency(parts, ctx, ms));
            // the dashboard: plain HTML, CSS and ES modules shipped in the jar
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                files.precompress = false;
                files.headers = java.util.Map.of("Cache-Control", "no-cache", "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                        "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer");
            });
        });
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "no-store");
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        });
        table.registerOn(app, auth);
        app.wsBeforeUpgrade(FeedHub.PATH, ctx -> {
            if (AuthRoutes.bearer(ctx).or(() -> Optional.ofNullable(ctx.queryParam("access_token")))
                    .flatMap(accessTokens::verifyAccess).isEmpty()) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"tradeguard\"");
                throw ApiException.of(401, "unauthorized", "the feed needs a valid access token");
            }
        });
        app.ws(FeedHub.PATH, ws -> feed.configure(ws, wsCtx -> wsCaller(wsCtx, accessTokens)));

        app.exception(ApiException.class, (e, ctx) -> {
            if (e.retryAfter() != null) {
                ctx.header("Retry-After", Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
            }
            answers.problem(ctx, e.problem());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> answers.problem(ctx, fromJavalin(e, ctx)));
        app.exception(Exception.class, (e, ctx) -> {
            String incident = UUID.randomUUID().toString();
            log.error("internal error {} on {} {}", incident, ctx.method(), ctx.path(), e);
            answers.problem(ctx, Problem.of(500, "internal_error", "an internal error occurred (incident " + incident + ")"));
        });
        return new TradeguardServer(config, app, table, feed);
    }

    public TradeguardServer start() {
        app.start(config.host(), config.port());
        log.info("tradeguard API listening on http://{}:{}", config.host(), app.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        feed.close();
        app.stop();
    }

    /** The registered routes, as served and as the OpenAPI document lists them. */
    public List<Route> routes() {
        return routes.routes();
    }

    /** The WebSocket hub (client count, drops) for monitoring. */
    public FeedHub feed() {
        return feed;
    }

    private static Optional<Principal> wsCaller(WsContext ctx, AccessTokens tokens) {
        String header = ctx.header("Authorization");
        Optional<String> token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Optional.of(header.substring(7).strip())
                : Optional.ofNullable(ctx.queryParam("access_token"));
        return token.flatMap(tokens::verifyAccess);
    }

    private static Problem fromJavalin(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        return switch (status) {
            case 404 -> Problem.of(404, "not_found", "there is no endpoint " + ctx.method() + " " + shortPath(ctx.path()));
            case 405 -> Problem.of(405, "method_not_allowed", "this endpoint does not accept " + ctx.method());
            case 413 -> Problem.of(413, "payload_too_large", "the request body is too large");
            default -> Problem.of(status >= 400 && status < 600 ? status : 500, "http_" + status,
                    status < 500 ? "the request could not be handled" : "the server could not handle the request");
        };
    }

    private static String shortPath(String path) {
        String printable = path.replaceAll("[^\\x21-\\x7E]", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "…" : printable;
    }

    /** Latency per route template (never the raw path: ids would explode the series). */
    private static void recordLatency(ServerParts parts, Context ctx, Float ms) {
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        if (route == null || route.isEmpty() || route.equals("*")) {
            route = "unmatched";
        }
        Timer.builder("http_server_requests")
                .description("REST request latency")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .register(parts.metrics())
                .record(Duration.ofNanos((long) (ms * 1_000_000)));
    }
}
