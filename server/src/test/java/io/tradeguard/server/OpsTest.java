package io.tradeguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.server.api.ComponentHealth;
import io.tradeguard.server.http.Access;
import io.tradeguard.server.http.Route;
import io.tradeguard.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Locale;

import static io.tradeguard.server.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class OpsTest {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = new TestServer();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void health_reports_each_component_and_503_when_one_is_down() {
        HttpResponse<String> up = s.get("/health", null);
        assertThat(up.statusCode()).isEqualTo(200);
        JsonNode body = TestServer.json(up);
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.at("/components/engine/status").asText()).isEqualTo("UP");
        assertThat(body.at("/components/exchange_connection/detail").asText()).isEqualTo("fake exchange");
        s.exchangeHealth = ComponentHealth.Status.DOWN;
        try {
            HttpResponse<String> down = s.get("/health", null);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(TestServer.json(down).get("status").asText()).isEqualTo("DOWN");
        } finally {
            s.exchangeHealth = ComponentHealth.Status.UP;
        }
    }

    @Test
    void metrics_need_a_token_and_carry_request_latency_histograms() {
        assertProblem(s.get("/metrics", null), 401, "unauthorized");
        s.get("/api/real-trading/positions", s.token("viewer"));
        HttpResponse<String> r = s.get("/metrics", s.token("viewer"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(r.body()).contains("http_server_requests_seconds_bucket{")
                .contains("route=\"/api/real-trading/positions\"")
                .contains("feed_clients");
    }

    @Test
    void the_openapi_document_lists_every_registered_route_with_its_role() {
        HttpResponse<String> r = s.get("/api/openapi.json", s.token("viewer"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = TestServer.json(r);
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        JsonNode paths = doc.get("paths");
        int operations = 0;
        for (var it = paths.fields(); it.hasNext(); ) {
            operations += it.next().getValue().size();
        }
        assertThat(operations).isEqualTo(s.server.routes().size());
        for (Route route : s.server.routes()) {
            JsonNode op = paths.path(route.path()).path(route.method().name().toLowerCase(Locale.ROOT));
            assertThat(op.isObject()).as("%s %s in the document", route.method(), route.path()).isTrue();
            if (route.access() == Access.PUBLIC) {
                assertThat(op.get("security")).isEmpty();
            } else {
                assertThat(op.get("x-required-role").asText()).isEqualTo(route.access().requiredRole().orElseThrow().wireName());
            }
        }
        // the DESIGN.md endpoints are all there
        for (String path : new String[]{"/api/real-trading/order/oco", "/api/real-trading/close/{position_id}",
                "/api/trading-safety/reset-kill-switch", "/api/sl-tp/{order_id}", "/api/sl-tp/monitor/status",
                "/api/signals", "/api/auth/login", "/api/auth/refresh", "/health", "/metrics"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    @Test
    void every_route_answers_through_the_engine_interfaces_for_its_role() {
        // a smoke pass: each route with the admin token reaches a handler (no 401/403/404/405/500)
        String admin = s.token("admin");
        for (Route route : s.server.routes()) {
            if (route.path().startsWith("/api/auth")) {
                continue;
            }
            String path = route.path().replaceAll("\\{[a-z_]+}", "abc");
            String method = route.method().name();
            HttpResponse<String> r = s.send(method, path, admin, method.equals("GET") || method.equals("DELETE") ? null : "{}");
            assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isIn(200, 400, 404, 503);
            if (r.statusCode() == 404) {
                assertThat(TestServer.json(r).get("detail").asText()).as(path).doesNotStartWith("there is no endpoint");
            }
        }
    }
}
