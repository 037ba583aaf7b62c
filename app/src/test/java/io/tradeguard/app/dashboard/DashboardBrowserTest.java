package io.tradeguard.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.tradeguard.app.service.Service;
import io.tradeguard.app.service.ServiceSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium against the real service in-process (embedded simulator, SQLite,
 * API on a free port). One browser and one service for the class; each test gets a fresh page and logs in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    static final String PASSWORD = "dashboard-test-password-1";
    static final String SIM_TOKEN = "dashboard-sim-admin-token";
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int LAPTOP_WIDTH = 1280;
    static final int LAPTOP_HEIGHT = 800;
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    @TempDir
    static Path dataDir;
    static Service service;
    static int simPort;
    static Playwright playwright;
    static Browser browser;

    // one signed-in page for the class: the server throttles logins per user, as it should
    static BrowserContext context;
    static Page page;
    static final List<String> consoleErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    static boolean signedIn;
    static final List<String> expectedFailedLoads = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final List<com.microsoft.playwright.WebSocketRoute> feedRoutes = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(Paths.get("/usr/bin/chromium"))) {
            throw new IllegalStateException("the dashboard tests drive Debian's Chromium at /usr/bin/chromium, which is"
                    + " not installed: run `sudo apt-get install -y chromium` (CI's .ci/run does this), then test again");
        }
        try (ServerSocket s = new ServerSocket(0)) {
            simPort = s.getLocalPort();
        }
        // the demo strategy would trade BTCUSDT in the background; a breaker that opens after two failed orders
        // and probes again after a second keeps its test short
        Path config = Files.writeString(dataDir.resolve("tradeguard.yaml"), "risk:\n  auto_adjust_size: false\n"
                + "  circuit_breaker_threshold: 2\n  circuit_breaker_cooldown_seconds: 1\n"
                + "signals:\n  demo-strategy: false\n");
        service = Service.start(ServiceSettings.resolve(
                new ServiceSettings.Flags(config, 0, dataDir.resolve("data"), "sim", simPort, SIM_TOKEN, null),
                Map.of("TRADEGUARD_ADMIN_PASSWORD", PASSWORD)), new PrintStream(new ByteArrayOutputStream()));
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true));
        Files.createDirectories(SCREENSHOTS);
        // the machine running the suite may be busy: assertions wait up to the page's own timeout, not 5 s
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void openPage() {
        if (page != null) {
            return;
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(LAPTOP_WIDTH, LAPTOP_HEIGHT));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(m.text() + " @ " + m.location());
            }
        });
        page.onPageError(consoleErrors::add);
        // every feed connection is relayed to the real server untouched; a test can drop the current one
        page.routeWebSocket(Pattern.compile(".*/ws\\?.*"), ws -> {
            ws.connectToServer();
            feedRoutes.add(ws);
        });
    }

    @AfterEach
    void noConsoleErrors() throws Exception {
        // Chromium logs every failed request as an error; those a test provokes on purpose (and names) are expected
        List<String> errors = consoleErrors.stream().filter(e -> expectedFailedLoads.stream().noneMatch(path ->
                e.startsWith("Failed to load resource") && e.contains(" @ " + base(path)))).toList();
        consoleErrors.clear();
        expectedFailedLoads.clear();
        // a failed /health load is explained by the components it names
        String health = errors.stream().anyMatch(e -> e.contains(base("/health").toString()))
                ? "; /health now: " + send("GET", "/health", null).body() : "";
        assertThat(errors).as("browser console errors (CSP violations included)" + health).isEmpty();
    }

    @Test
    @Order(1)
    void login_then_a_previewed_limit_order_is_confirmed_shows_in_open_orders_and_is_cancelled() {
        login();
        shot("overview");
        assertThat(page.locator("#ov-kill")).containsText("off");
        assertThat(page.locator("#ov-equity")).hasText(Pattern.compile("\\d"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trade")).click();
        page.getByLabel("Symbol").fill("BTCUSDT");
        page.getByLabel("Order type").selectOption("limit");
        assertThat(page.getByLabel("Stop price")).isHidden();
        page.getByLabel("Quantity", new Page.GetByLabelOptions().setExact(true)).fill("0.0010004");
        page.getByLabel("Limit price", new Page.GetByLabelOptions().setExact(true)).fill("20000.004");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();

        assertThat(page.locator("#verdict")).containsText("Approved");
        assertThat(page.locator("#verdict")).containsText("risk score");
        assertThat(page.locator("#preview-order")).containsText("0.001");
        assertThat(page.locator("#preview-order")).containsText("20000");
        assertThat(page.locator("#preview-order")).not().containsText("0.0010004");
        assertThat(page.locator("#preview-fee")).containsText("0.02");
        assertThat(page.locator("#preview-rules tbody tr").first()).isVisible();
        assertThat(page.locator("#preview-rules tbody tr")).not().hasCount(0);
        shot("trade-preview");

        page.locator("#confirm-btn").click();
        Locator placed = page.locator("#placed");
        assertThat(placed).containsText("Placed order");
        String orderId = placed.textContent().replaceAll(".*Placed order (\\S+).*", "$1");
        shot("trade-placed");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Orders")).click();
        Locator row = page.locator("#open-orders-table tr[data-order='" + orderId + "']");
        assertThat(row).containsText("BTCUSDT");
        assertThat(row.locator(".status")).hasText("NEW");
        shot("orders-open");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
        assertThat(page.locator("#open-orders-table tr[data-order='" + orderId + "']")).hasCount(0);
        assertThat(page.locator("#history-table tr[data-order='" + orderId + "'] .status")).hasText("CANCELED");
        shot("orders-history");
    }

    @Test
    @Order(2)
    void a_market_order_opens_a_position_that_appears_live_with_its_exits_and_the_chart_renders_klines() throws Exception {
        login();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Positions")).click();
        assertThat(page.locator("#pos-table")).not().containsText("Loading");
        assertThat(page.locator("tr[data-symbol='ETHUSDT']")).hasCount(0);

        // placed through the API while the page stays open: the row must arrive over the WebSocket, and the chart
        // switches to the new position's symbol, loading its candles from the klines endpoint
        Response klines;
        try {
            // the order, its fill and the feed event come before the request: a busy machine needs more than 15 s
            klines = page.waitForResponse(r -> r.url().contains("/api/market/klines?symbol=ETHUSDT") && r.url().contains("limit=300"),
                    new Page.WaitForResponseOptions().setTimeout(30_000), () -> {
                JsonNode placed = apiUnchecked("POST", "/api/real-trading/order/market", "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\"}");
                assertThat(placed.get("order_id").asText()).isNotEmpty();
            });
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("the chart did not load ETHUSDT klines; chart " + page.evaluate("() => JSON.stringify(document.querySelector('#chart').dataset)")
                    + ", positions: " + page.locator("#pos-table").textContent() + ", feed: " + page.locator("#conn").textContent()
                    + ", toasts: " + page.locator("#toasts").textContent(), e);
        }
        assertThat(klines.status()).isEqualTo(200);
        int served = JSON.readTree(klines.text()).size();
        Locator row = page.locator("tr[data-symbol='ETHUSDT']");
        assertThat(row).containsText("LONG");
        // the position is what the wallet holds: 0.01 bought minus the 0.1% commission taken in ETH
        assertThat(row.locator(".size")).hasText("0.00999");

        // mark, stop-loss and take-profit at the tick size (the guards arm the automatic bracket); no liquidation on spot
        JsonNode eth = api("GET", "/api/market/instrument?symbol=ETHUSDT", null);
        String price = "^[\\d,]+\\." + "\\d".repeat(eth.get("price_decimals").asInt()) + "$";
        assertThat(row.locator(".mark")).hasText(Pattern.compile(price));
        assertThat(row.locator(".sl")).hasText(Pattern.compile(price));
        assertThat(row.locator(".tp")).hasText(Pattern.compile(price));
        assertThat(row.locator(".liq")).hasText("—");
        // unrealized P&L in USDT at 2 decimals, readable without colour: arrow, sign and word, or a plain zero
        assertThat(row.locator(".upnl")).hasText(Pattern.compile("^(▲ \\+[\\d,]+\\.\\d{2} profit|▼ −[\\d,]+\\.\\d{2} loss|0\\.00) USDT$"));
        JsonNode position = null;
        for (JsonNode p : api("GET", "/api/real-trading/positions", null)) {
            position = p.get("symbol").asText().equals("ETHUSDT") ? p : position;
        }
        assertThat(position).isNotNull();
        assertThat(position.get("stop_loss").decimalValue()).isLessThan(position.get("entry_price").decimalValue());
        assertThat(position.get("take_profit").decimalValue()).isGreaterThan(position.get("entry_price").decimalValue());

        // the chart: every candle the klines endpoint served, with the entry and bracket lines drawn
        Locator chart = page.locator("#chart");
        assertThat(chart).hasAttribute("data-symbol", "ETHUSDT");
        assertThat(chart).hasAttribute("data-state", "ready");
        assertThat(served).isPositive();
        assertThat(chart).hasAttribute("data-loaded", Integer.toString(served));
        assertThat(chart.locator("canvas").first()).isVisible();
        assertThat(chart).hasAttribute("data-lines", Pattern.compile("Entry,SL,TP"));
        shot("positions");

        // one-second candles: the simulator trades every second, so there are several, and the live poll adds more
        Response seconds = page.waitForResponse(r -> r.url().contains("interval=1s") && r.url().contains("limit=300"),
                () -> page.getByLabel("Candle interval").selectOption("1s"));
        int loaded = JSON.readTree(seconds.text()).size();
        assertThat(loaded).isGreaterThanOrEqualTo(3);
        assertThat(chart).hasAttribute("data-loaded", Integer.toString(loaded));
        assertThat(chart).hasAttribute("data-interval", "1s");
        page.waitForFunction("n => Number(document.querySelector('#chart').dataset.candles) > n", loaded,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
        shot("positions-chart-1s");

        // close with confirmation
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
        assertThat(page.locator("#confirm-dialog")).isVisible();
        shot("positions-close-confirm");
        page.locator("#confirm-ok").click();
        assertThat(page.locator("tr[data-symbol='ETHUSDT']")).hasCount(0);
    }

    @Test
    @Order(3)
    void a_risk_rejection_shows_its_reason_and_offers_no_confirm() {
        login();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trade")).click();
        page.getByLabel("Order type").selectOption("limit");
        page.getByLabel("Quantity", new Page.GetByLabelOptions().setExact(true)).fill("0.5");
        page.getByLabel("Limit price", new Page.GetByLabelOptions().setExact(true)).fill("20000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        assertThat(page.locator("#verdict")).containsText("Rejected");
        assertThat(page.locator("#reject-reason")).isVisible();
        assertThat(page.locator("#preview-rules tr.failed")).not().hasCount(0);
        assertThat(page.locator("#preview-rules")).containsText("position_size_cap");
        assertThat(page.locator("#confirm-btn")).hasCount(0);
        shot("trade-rejected");

        // a client-side validation message before anything is sent
        page.getByLabel("Quantity", new Page.GetByLabelOptions().setExact(true)).fill("abc");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        assertThat(page.locator("#form-error")).containsText("a positive number");
    }

    @Test
    @Order(4)
    void the_kill_switch_banner_appears_when_it_trips_and_goes_after_the_admin_reset() throws Exception {
        login();
        assertThat(page.locator("#killbanner")).isHidden();
        // one losing round trip with a tiny daily loss limit and a one-loss streak limit trips it
        int streak = api("GET", "/api/trading-safety/status", null).get("consecutive_losses").asInt();
        api("PATCH", "/api/trading-safety/configuration", "{\"max_consecutive_losses\":" + (streak + 1) + "}");
        api("POST", "/api/real-trading/order/market", "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.001\",\"protection\":false}");
        JsonNode pos = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            // the whole fill: 0.001 bought minus the 0.1% commission taken in BTC (a first partial fill may show before)
            for (JsonNode p : api("GET", "/api/real-trading/positions", null)) {
                if (p.get("symbol").asText().equals("BTCUSDT") && p.get("quantity").decimalValue().compareTo(new java.math.BigDecimal("0.000999")) == 0) {
                    return p;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        simPrice("BTCUSDT", new java.math.BigDecimal(pos.get("entry_price").asText()).multiply(new java.math.BigDecimal("0.9"))
                .setScale(2, java.math.RoundingMode.DOWN).toPlainString());
        api("POST", "/api/real-trading/close/" + pos.get("position_id").asText(), "{}");
        Locator banner = page.locator("#killbanner");
        assertThat(banner).isVisible();
        assertThat(banner).containsText("Kill switch active");
        assertThat(page.locator("#kill-reason")).not().isEmpty();
        assertThat(page.locator("#ov-kill")).containsText("ACTIVE");
        shot("overview-kill-switch");

        page.locator("#kill-reset").click();
        page.locator("#confirm-ok").click();
        assertThat(banner).isHidden();
        assertThat(page.locator("#ov-kill")).containsText("off");
    }

    @Test
    @Order(5)
    void signals_settings_and_the_phone_width_render_and_limits_are_validated() {
        login();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Signals")).click();
        assertThat(page.locator("#signals")).not().containsText("Loading");
        shot("signals");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")).click();
        Locator loss = page.getByLabel("Daily loss limit");
        assertThat(loss).not().hasValue("");
        loss.fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save limits")).click();
        assertThat(page.locator("#e-daily_loss_limit_pct")).containsText("between 0 and 1");
        shot("settings");
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overview")).click();
        assertThat(page.locator("#ov-equity")).hasText(Pattern.compile("\\d"));
        shot("overview-phone");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trade")).click();
        assertThat(page.getByLabel("Symbol")).isVisible();
        shot("trade-phone");
    }

    @Test
    @Order(6)
    void injected_exchange_errors_open_the_circuit_breaker_with_a_toast_and_its_closing_is_announced_too() throws Exception {
        login();
        // while the exchange fails, /health answers 503 and the overview shows the exchange as down
        expectedFailedLoads.add("/health");
        Locator toasts = page.locator("#toasts");
        try {
            simFaults("{\"http_error_rate\":1.0,\"http_status\":503}");
            // orders that fail at the exchange (threshold 2 in this test's configuration) open the breaker
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
                send("POST", "/api/real-trading/order/limit", "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.001\",\"price\":\"20000\"}");
                return api("GET", "/api/trading-safety/status", null).get("circuit_breaker").asText().equals("OPEN");
            });
            assertThat(toasts.locator(".toast.bad", new Locator.LocatorOptions().setHasText("Circuit breaker open"))).isVisible();
            assertThat(page.locator("#ov-breaker")).containsText("OPEN");
            shot("overview-circuit-breaker");
        } finally {
            simFaults("{}");
        }
        // healthy again: after the one-second cooldown the next order is the probe that closes it
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
            send("POST", "/api/real-trading/order/limit", "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.001\",\"price\":\"20000\"}");
            return api("GET", "/api/trading-safety/status", null).get("circuit_breaker").asText().equals("CLOSED");
        });
        assertThat(toasts.locator(".toast.ok", new Locator.LocatorOptions().setHasText("Circuit breaker closed"))).isVisible();
        assertThat(page.locator("#ov-breaker")).containsText("closed");
        for (JsonNode o : api("GET", "/api/real-trading/orders?status=open&size=200", null).get("items")) {
            String id = o.get("order_id").asText();
            // the probe may not be acknowledged yet: its cancel is refused (409) until the venue has answered
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
                HttpResponse<String> r = send("DELETE", "/api/real-trading/order/" + id, null);
                return r.statusCode() / 100 == 2 || r.body().contains("order_final");
            });
        }
    }

    @Test
    @Order(7)
    void a_dropped_feed_shows_connection_lost_then_restored_and_reconnects_by_itself() {
        login();
        assertThat(page.locator("#conn")).hasAttribute("data-state", "up");
        int before = feedRoutes.size();
        assertThat(before).isPositive();
        // the connection dies as a network failure would kill it (abnormal closure, no close frame from the server)
        feedRoutes.get(before - 1).close(new com.microsoft.playwright.WebSocketRoute.CloseOptions().setCode(4000).setReason("test drops the feed"));
        Locator toasts = page.locator("#toasts");
        assertThat(toasts.locator(".toast.bad", new Locator.LocatorOptions().setHasText("Connection to the live feed lost"))).isVisible();
        shot("connection-lost");
        assertThat(toasts.locator(".toast.ok", new Locator.LocatorOptions().setHasText("Connection restored"))).isVisible();
        assertThat(page.locator("#conn")).hasAttribute("data-state", "up");
        assertThat(page.locator("#conn")).hasText("Feed: live");
        assertThat(page.locator("#ov-feed")).containsText("live");
        assertThat(feedRoutes).hasSizeGreaterThan(before);
    }

    @Test
    @Order(8)
    void the_market_data_endpoints_serve_the_venues_klines_and_filters_and_refuse_bad_input() throws Exception {
        // the same candles the venue serves (the newest one may still move between the two requests)
        JsonNode ours = api("GET", "/api/market/klines?symbol=BTCUSDT&market=spot&interval=1m&limit=5", null);
        JsonNode venue = simGet("/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=5");
        assertThat(ours.size()).isBetween(1, 5).isEqualTo(venue.size());
        for (int i = 0; i < ours.size(); i++) {
            JsonNode c = ours.get(i);
            JsonNode v = venue.get(i);
            assertThat(java.time.Instant.parse(c.get("open_time").asText()).toEpochMilli()).isEqualTo(v.get(0).asLong());
            assertThat(c.get("open").decimalValue()).isEqualByComparingTo(v.get(1).asText());
            if (i < ours.size() - 1) {
                assertThat(c.get("high").decimalValue()).isEqualByComparingTo(v.get(2).asText());
                assertThat(c.get("low").decimalValue()).isEqualByComparingTo(v.get(3).asText());
                assertThat(c.get("close").decimalValue()).isEqualByComparingTo(v.get(4).asText());
            }
        }
        // the filters that the dashboard formats numbers with
        JsonNode btc = api("GET", "/api/market/instrument?symbol=btcusdt", null);
        JsonNode info = simGet("/api/v3/exchangeInfo?symbol=BTCUSDT").get("symbols").get(0);
        for (JsonNode f : info.get("filters")) {
            if (f.get("filterType").asText().equals("PRICE_FILTER")) {
                assertThat(btc.get("tick_size").decimalValue()).isEqualByComparingTo(f.get("tickSize").asText());
                assertThat(btc.get("price_decimals").asInt()).isEqualTo(new java.math.BigDecimal(f.get("tickSize").asText()).stripTrailingZeros().scale());
            }
            if (f.get("filterType").asText().equals("LOT_SIZE")) {
                assertThat(btc.get("step_size").decimalValue()).isEqualByComparingTo(f.get("stepSize").asText());
            }
        }
        assertThat(btc.get("quote_asset").asText()).isEqualTo("USDT");

        // bad input: a problem document naming the parameter, nothing sent to the venue
        for (String query : List.of("symbol=BTCUSDT&interval=2m", "symbol=BTCUSDT&interval=1m&limit=0",
                "symbol=BTCUSDT&interval=1m&limit=1001", "interval=1m", "symbol=BTCUSDT", "symbol=BTC-USDT&interval=1m",
                "symbol=BTCUSDT&interval=1m&market=options", "symbol=BTCUSDT&interval=1s&market=futures")) {
            HttpResponse<String> r = send("GET", "/api/market/klines?" + query, null);
            assertThat(r.statusCode()).as(query + ": " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(JSON.readTree(r.body()).get("errors").get(0).get("field").asText()).isIn("symbol", "interval", "limit", "market");
        }
        HttpResponse<String> unknown = send("GET", "/api/market/klines?symbol=NOPEUSDT&interval=1m", null);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        // futures candles come from the futures venue: the simulator builds them from futures trades, and none has
        // happened in this run yet, so the answer is an empty list, not the 409 of a market that is not connected
        JsonNode futuresCandles = api("GET", "/api/market/klines?symbol=BTCUSDT&interval=1m&market=futures&limit=5", null);
        assertThat(futuresCandles.isArray()).as(futuresCandles.toString()).isTrue();
        assertThat(futuresCandles.size()).isLessThanOrEqualTo(5);
        JsonNode futuresBtc = api("GET", "/api/market/instrument?symbol=BTCUSDT&market=futures", null);
        assertThat(futuresBtc.get("quote_asset").asText()).isEqualTo("USDT");
        // viewers may read it, strangers may not; the OpenAPI document lists both endpoints with their role
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(base("/api/market/klines?symbol=BTCUSDT&interval=1m")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        JsonNode paths = api("GET", "/api/openapi.json", null).get("paths");
        assertThat(paths.get("/api/market/klines").get("get").get("x-required-role").asText()).isEqualTo("viewer");
        assertThat(paths.get("/api/market/instrument").get("get").get("x-required-role").asText()).isEqualTo("viewer");
    }

    @Test
    @Order(9)
    void the_order_form_shows_exactly_the_fields_each_order_type_needs_and_sends_the_protection_asked_for() throws Exception {
        login();
        // and the previews below that the service refuses (400 for a stop-loss on the wrong side)
        expectedFailedLoads.add("/api/real-trading/order/preview");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trade")).click();
        String all = "f-amount-mode f-quantity f-quote f-price f-stop f-stop-limit f-delta f-callback f-activation f-tif f-leverage f-reduce f-protection";
        Map<String, String> spot = Map.of(
                "market", "f-amount-mode f-quantity f-protection",
                "limit", "f-quantity f-price f-tif f-protection",
                "stop-loss", "f-quantity f-price f-stop f-protection",
                "take-profit", "f-quantity f-price f-stop f-protection",
                "oco", "f-quantity f-price f-stop f-stop-limit f-tif f-protection",
                "trailing-stop", "f-quantity f-price f-delta f-protection");
        Map<String, String> futures = Map.of(
                "market", "f-quantity f-leverage f-reduce f-protection",
                "limit", "f-quantity f-price f-tif f-leverage f-reduce f-protection",
                "stop-loss", "f-quantity f-price f-stop f-leverage f-reduce f-protection",
                "take-profit", "f-quantity f-price f-stop f-leverage f-reduce f-protection",
                "trailing-stop", "f-quantity f-callback f-activation f-leverage f-reduce f-protection");
        for (Map.Entry<String, Map<String, String>> market : Map.of("spot", spot, "futures", futures).entrySet()) {
            page.getByLabel("Market", new Page.GetByLabelOptions().setExact(true)).selectOption(market.getKey());
            for (Map.Entry<String, String> type : market.getValue().entrySet()) {
                page.getByLabel("Order type").selectOption(type.getKey());
                List<String> shown = List.of(type.getValue().split(" "));
                // the form re-renders synchronously on the change event, so the state is final here
                for (String id : all.split(" ")) {
                    assertThat(page.locator("#" + id).isVisible()).as(market.getKey() + " " + type.getKey() + " shows " + id)
                            .isEqualTo(shown.contains(id));
                }
            }
        }
        // OCO exists on spot only; a stop order with a limit price gets a time in force; quote amounts are spot market only
        page.getByLabel("Market", new Page.GetByLabelOptions().setExact(true)).selectOption("futures");
        assertThat(page.locator("#f-type option[value=oco]")).isDisabled();
        page.getByLabel("Reduce-only").check();
        assertThat(page.locator("#f-protection")).isHidden();
        page.getByLabel("Reduce-only").uncheck();
        page.getByLabel("Market", new Page.GetByLabelOptions().setExact(true)).selectOption("spot");
        page.getByLabel("Order type").selectOption("stop-loss");
        page.locator("#f-price").fill("19000");
        assertThat(page.locator("#f-tif")).isVisible();
        page.getByLabel("Order type").selectOption("market");
        page.getByLabel("Amount in").selectOption("quote");
        assertThat(page.locator("#f-quote")).isVisible();
        assertThat(page.locator("#f-quantity")).isHidden();
        page.getByLabel("Amount in").selectOption("base");

        // a limit buy with its own stop-loss and take-profit: exactly these fields go out and come back in the preview
        page.getByLabel("Order type").selectOption("limit");
        page.getByLabel("Quantity", new Page.GetByLabelOptions().setExact(true)).fill("0.001");
        page.getByLabel("Limit price", new Page.GetByLabelOptions().setExact(true)).fill("20000");
        page.getByLabel("Stop-loss price (optional)").fill("19000");
        page.getByLabel("Take-profit price (optional)").fill("23000");
        com.microsoft.playwright.Request sent = page.waitForRequest("**/api/real-trading/order/preview",
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click());
        JsonNode body = readJson(sent.postData());
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("order_type", "symbol", "market", "side", "quantity", "price",
                "time_in_force", "stop_loss", "take_profit", "protection");
        assertThat(body.get("protection").asBoolean()).isTrue();
        assertThat(body.get("stop_loss").asText()).isEqualTo("19000");
        assertThat(body.get("take_profit").asText()).isEqualTo("23000");
        // the page shows the service's answer to exactly that body: the preview with the prices, or why not
        HttpResponse<String> answer = send("POST", "/api/real-trading/order/preview", sent.postData());
        Locator preview = page.locator("#preview");
        if (answer.statusCode() == 200) {
            Locator order = page.locator("#preview-order");
            assertThat(order.locator("tr", new Locator.LocatorOptions().setHasText("Stop-loss price (yours)"))).containsText("19000");
            assertThat(order.locator("tr", new Locator.LocatorOptions().setHasText("Take-profit price (yours)"))).containsText("23000");
            assertThat(order.locator("tr", new Locator.LocatorOptions().setHasText("Automatic stop-loss"))).containsText("yes");
        } else {
            assertThat(preview.getByRole(AriaRole.ALERT)).containsText(readJson(answer.body()).get("detail").asText());
        }
        shot("trade-preview-protection");

        // a stop-loss on the wrong side: the service's answer names the field
        page.getByLabel("Stop-loss price (optional)").fill("21000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        assertThat(page.locator("#preview")).containsText("stop_loss must be below the price of a BUY order");

        // no automatic protection: protection false goes out, no SL/TP prices with it; Enter in a field previews too
        page.getByLabel("Automatic stop-loss / take-profit").uncheck();
        assertThat(page.getByLabel("Stop-loss price (optional)")).isDisabled();
        sent = page.waitForRequest("**/api/real-trading/order/preview", () -> page.locator("#f-quantity").press("Enter"));
        body = readJson(sent.postData());
        assertThat(body.get("protection").asBoolean()).isFalse();
        assertThat(body.has("stop_loss")).isFalse();
        assertThat(body.has("take_profit")).isFalse();
        assertThat(page.locator("#preview-order tr", new Page.LocatorOptions().setHasText("Automatic stop-loss"))).containsText("no");
    }

    @Test
    @Order(20)
    void the_page_is_served_with_a_strict_content_security_policy_and_keeps_no_token_in_storage() throws Exception {
        HttpResponse<String> index = HTTP.send(HttpRequest.newBuilder(base("/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(index.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c ->
                assertThat(c).contains("script-src 'self';").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
        HttpResponse<String> js = HTTP.send(HttpRequest.newBuilder(base("/app.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        login();
        assertThat(page.evaluate("() => localStorage.length + sessionStorage.length + document.cookie.length")).isEqualTo(0);
        shot("overview-final");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        assertThat(page.getByLabel("Password")).isVisible();
        assertThat(page.locator("#top")).isHidden();
    }

    // ---------- helpers ----------

    void login() {
        if (signedIn) {
            page.setViewportSize(LAPTOP_WIDTH, LAPTOP_HEIGHT);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overview")).click();
            assertThat(page.locator("#conn")).hasAttribute("data-state", "up");
            assertThat(page.locator("#page")).hasAttribute("data-page", "overview");
            assertThat(page.locator("#ov-equity")).hasText(Pattern.compile("\\d"));
            return;
        }
        signedIn = true;
        page.navigate(base("/").toString());
        // signed out, the page offers the sign-in form and nothing else: no navigation, no feed state, no log-out
        assertThat(page.locator("#top")).isHidden();
        shot("login");
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#conn")).hasAttribute("data-state", "up");
        assertThat(page.locator("#page")).hasAttribute("data-page", "overview");
    }

    /** Two animation frames: the chart's resize observer has redrawn at the new width. */
    void settle() {
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    /** The page at laptop width, then at phone width (name-phone.png), back at laptop width after. */
    void shot(String name) {
        // every control on screen has a name a screen reader can say (a label, or aria-label on icon buttons)
        Object unlabelled = page.evaluate("() => [...document.querySelectorAll('input, select, textarea, button')]"
                + ".filter(e => e.offsetParent !== null && e.type !== 'hidden' && !e.labels?.length && !e.getAttribute('aria-label')"
                + " && !(e.tagName === 'BUTTON' && e.textContent.trim())).map(e => e.id || e.outerHTML.slice(0, 80))");
        assertThat((List<?>) unlabelled).as("unlabelled controls on " + name).isEmpty();
        if (page.viewportSize().width <= PHONE_WIDTH) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
            return;
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        settle();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-phone.png")).setFullPage(true));
        page.setViewportSize(LAPTOP_WIDTH, LAPTOP_HEIGHT);
        settle();
    }

    static URI base(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    static String apiToken;

    static JsonNode api(String method, String path, String body) throws IOException, InterruptedException {
        if (apiToken == null) {
            apiToken = apiLogin();
        }
        String token = apiToken;
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base(path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    static String apiLogin() throws IOException, InterruptedException {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(base("/api/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).get("access_token").asText();
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** For lambdas that may not throw: the same call as {@link #api}. */
    static JsonNode apiUnchecked(String method, String path, String body) {
        try {
            return api(method, path, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any answer, for the calls that are meant to fail. */
    static HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        if (apiToken == null) {
            apiToken = apiLogin();
        }
        return HTTP.send(HttpRequest.newBuilder(base(path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + apiToken).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode simGet(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static void simFaults(String json) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simPort + "/sim/v1/faults"))
                .header("X-Sim-Admin", SIM_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    static void simPrice(String symbol, String price) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simPort + "/sim/v1/price"))
                .header("X-Sim-Admin", SIM_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"" + symbol + "\",\"price\":\"" + price + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
