package io.tradeguard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tradeguard.server.api.HealthCheck;
import io.tradeguard.server.feed.FeedHub;
import io.tradeguard.server.http.Access;
import io.tradeguard.server.http.RouteTable;
import io.tradeguard.server.ops.HealthReport;
import io.tradeguard.server.ops.OpenApiDocument;

import java.time.InstantSource;
import java.util.List;

/** {@code /health} (public), {@code /metrics} and {@code /api/openapi.json}. */
final class OpsRoutes {
    static final String VERSION = "0.1.0";

    private final List<HealthCheck> checks;
    private final PrometheusMeterRegistry metrics;
    private final ObjectMapper mapper;
    private final InstantSource clock;

    OpsRoutes(List<HealthCheck> checks, PrometheusMeterRegistry metrics, ObjectMapper mapper, InstantSource clock) {
        this.checks = checks;
        this.metrics = metrics;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Adds the routes; the OpenAPI route reads the table when asked, so it sees every route added after it too. */
    void addTo(RouteTable table) {
        table.get("/health", Access.PUBLIC, "Engine, exchange connection, streams, database, last reconciliation",
                (ctx, who) -> {
                    HealthReport report = HealthReport.of(checks, clock.instant());
                    ctx.status(report.httpStatus()).json(report);
                });
        table.get("/metrics", Access.VIEWER, "Prometheus metrics",
                (ctx, who) -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        table.get("/api/openapi.json", Access.VIEWER, "This API as an OpenAPI 3.1 document",
                (ctx, who) -> ctx.json(OpenApiDocument.of(mapper, table.routes(), VERSION, FeedHub.PATH)));
    }
}
