package io.tradeguard.app.signals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.tradeguard.app.service.Service;
import io.tradeguard.app.service.ServiceSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default start (no configuration file, no flags but the ports and the simulator's control token this
 * test needs to steer the price) runs the demo strategy, and it trades within a minute of the start: the
 * price is held flat for 21 one-second bars and then jumps, a cross the 5/20 averages cannot miss. The
 * decision shows at {@code GET /api/signals} and on the dashboard's Signals page.
 */
class DemoStrategyEndToEndTest {
    static final String PASSWORD = "demo-end-to-end-password-1";
    static final String SIM_TOKEN = "demo-sim-admin-token";
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    static Service service;
    static Instant started;
    static int simPort;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            simPort = s.getLocalPort();
        }
        ServiceSettings settings = ServiceSettings.resolve(
                new ServiceSettings.Flags(null, 0, dir.resolve("data"), null, simPort, SIM_TOKEN, null),
                Map.of("TRADEGUARD_ADMIN_PASSWORD", PASSWORD));
        assertThat(settings.hybrid().demoStrategy()).as("the demo strategy is on by default with the simulator").isPresent();
        service = Service.start(settings, new PrintStream(new ByteArrayOutputStream()));
        // the minute counts from "ready" (API up, prices known): on a loaded machine the start itself may be slow
        started = Instant.now();
        HttpResponse<String> login = api("POST", "/api/auth/login", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        token = json(login).get("access_token").asText();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void the_demo_strategy_places_a_signal_order_within_a_minute_of_the_default_start() throws Exception {
        // the simulator's random walk stops; from here on the test sets every trade price
        assertThat(sim("POST", "/sim/v1/feed", "{\"mode\":\"manual\"}").statusCode()).isEqualTo(200);
        BigDecimal flat = new BigDecimal(json(send(URI.create("http://127.0.0.1:" + simPort + "/api/v3/ticker/price?symbol=BTCUSDT"),
                "GET", null, Map.of())).path("price").asText());
        // one trade in the middle of each second: 21 flat bars, so both averages agree, then a jump of 0.3 %
        for (int bar = 0; bar < 21; bar++) {
            tradeMidSecond(flat);
        }
        Instant jumpAt = tradeMidSecond(flat.multiply(new BigDecimal("1.003")).setScale(2, RoundingMode.DOWN));

        JsonNode decision = await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode d : json(api("GET", "/api/signals", null))) {
                JsonNode s = d.path("signal");
                if (s.path("source").asText().equals("demo") && s.path("direction").asText().equals("LONG")
                        && !Instant.parse(s.path("time").asText()).isBefore(jumpAt.minusSeconds(1))) {
                    return d;
                }
            }
            return null;
        }, d -> d != null);
        assertThat(decision.path("signal").path("strategy").asText()).isEqualTo("ma-crossover-5-20");
        assertThat(decision.path("signal").path("confidence").decimalValue()).isEqualByComparingTo("1");
        assertThat(decision.path("decision").asText()).as(decision.toString()).isEqualTo("accepted");
        String orderId = decision.path("order_id").asText();

        JsonNode order = await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (String status : new String[] {"closed", "open"}) {
                for (JsonNode o : json(api("GET", "/api/real-trading/orders?status=" + status + "&symbol=BTCUSDT", null)).path("items")) {
                    if (o.path("order_id").asText().equals(orderId) || o.path("client_order_id").asText().equals(orderId)) {
                        return o;
                    }
                }
            }
            return null;
        }, o -> o != null);
        assertThat(order.path("origin").asText()).as(order.toString()).isEqualToIgnoringCase("signal");
        assertThat(order.path("side").asText()).isEqualTo("BUY");
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(60));

        // and the dashboard's Signals page shows the decision with its order (headless Chromium)
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true))) {
            Page page = browser.newPage();
            page.setDefaultTimeout(15_000);
            page.navigate("http://127.0.0.1:" + service.port() + "/");
            page.getByLabel("Username").fill("admin");
            page.getByLabel("Password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Signals")).click();
            Locator row = page.locator("#signals tr").filter(new Locator.FilterOptions().setHasText(orderId));
            PlaywrightAssertions.assertThat(row).containsText("ma-crossover-5-20 / demo");
            PlaywrightAssertions.assertThat(row).containsText("accepted");
            PlaywrightAssertions.assertThat(row).containsText("LONG");
        }
    }

    /** Sends one trade at this price 0.5 s into the next second, so that it lands in that second's bar. */
    private static Instant tradeMidSecond(BigDecimal price) throws InterruptedException {
        long now = System.currentTimeMillis();
        long target = (now / 1000 + 1) * 1000 + 500;
        Thread.sleep(target - now); // pacing by the clock: each 1-second bar needs its own trade
        HttpResponse<String> r = sim("POST", "/sim/v1/price", "{\"symbol\":\"BTCUSDT\",\"price\":\"" + price.toPlainString() + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Instant.ofEpochMilli(target);
    }

    static HttpResponse<String> api(String method, String path, String body) {
        return send(URI.create("http://127.0.0.1:" + service.port() + path), method, body,
                token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    static HttpResponse<String> sim(String method, String path, String body) {
        return send(URI.create("http://127.0.0.1:" + simPort + path), method, body, Map.of("X-Sim-Admin", SIM_TOKEN));
    }

    static HttpResponse<String> send(URI uri, String method, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15));
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
