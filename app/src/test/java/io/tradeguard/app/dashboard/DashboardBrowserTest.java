package io.tradeguard.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
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

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(Paths.get("/usr/bin/chromium"))) {
            throw new IllegalStateException("the dashboard tests drive Debian's Chromium at /usr/bin/chromium, which is"
                    + " not installed: run `sudo apt-get install -y chromium` (CI's .ci/run does this), then test again");
        }
        try (ServerSocket s = new ServerSocket(0)) {
            simPort = s.getLocalPort();
        }
        // the demo strategy would trade BTCUSDT in the background
        Path config = Files.writeString(dataDir.resolve("tradeguard.yaml"),
                "risk:\n  auto_adjust_size: false\nsignals:\n  demo-strategy: false\n");
        service = Service.start(ServiceSettings.resolve(
                new ServiceSettings.Flags(config, 0, dataDir.resolve("data"), "sim", simPort, SIM_TOKEN, null),
                Map.of("TRADEGUARD_ADMIN_PASSWORD", PASSWORD)), new PrintStream(new ByteArrayOutputStream()));
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true));
        Files.createDirectories(SCREENSHOTS);
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
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(m.text());
            }
        });
        page.onPageError(consoleErrors::add);
    }

    @AfterEach
    void noConsoleErrors() {
        List<String> errors = List.copyOf(consoleErrors);
        consoleErrors.clear();
        assertThat(errors).as("browser console errors (CSP violations included)").isEmpty();
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
    void a_market_order_opens_a_position_that_appears_live_and_the_chart_renders_candles() throws Exception {
        login();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Positions")).click();
        assertThat(page.locator("#pos-table")).not().containsText("Loading");
        assertThat(page.locator("tr[data-symbol='ETHUSDT']")).hasCount(0);

        // placed through the API while the page stays open: the row must arrive over the WebSocket
        JsonNode placed = api("POST", "/api/real-trading/order/market", "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\"}");
        assertThat(placed.get("order_id").asText()).isNotEmpty();
        Locator row = page.locator("tr[data-symbol='ETHUSDT']");
        assertThat(row).containsText("LONG");
        // the position is what the wallet holds: 0.01 bought minus the 0.1% commission taken in ETH
        assertThat(row).containsText("0.00999");

        // the chart: candles from the live mark price; the entry line is drawn
        Locator chart = page.locator("#chart");
        assertThat(chart.locator("canvas").first()).isVisible();
        assertThat(chart).hasAttribute("data-symbol", "ETHUSDT");
        assertThat(chart).hasAttribute("data-lines", Pattern.compile("Entry"));
        // the simulator's prices move on their own; the page's mark refreshes make new 1-second candles
        page.waitForFunction("() => Number(document.querySelector('#chart').dataset.candles) >= 2");
        assertThat(row.locator(".mark")).hasText(Pattern.compile("^[\\d,]+\\.\\d+$"));
        assertThat(candles(chart)).isGreaterThanOrEqualTo(2);
        shot("positions");

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
            for (JsonNode p : api("GET", "/api/real-trading/positions", null)) {
                if (p.get("symbol").asText().equals("BTCUSDT")) {
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
        page.setViewportSize(390, 844);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overview")).click();
        assertThat(page.locator("#ov-equity")).hasText(Pattern.compile("\\d"));
        shot("overview-phone");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trade")).click();
        assertThat(page.getByLabel("Symbol")).isVisible();
        shot("trade-phone");
    }

    @Test
    @Order(6)
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
    }

    // ---------- helpers ----------

    void login() {
        if (signedIn) {
            page.setViewportSize(1366, 900);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overview")).click();
            assertThat(page.locator("#conn")).hasAttribute("data-state", "up");
            assertThat(page.locator("#page")).hasAttribute("data-page", "overview");
            assertThat(page.locator("#ov-equity")).hasText(Pattern.compile("\\d"));
            return;
        }
        signedIn = true;
        page.navigate(base("/").toString());
        shot("login");
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#conn")).hasAttribute("data-state", "up");
        assertThat(page.locator("#page")).hasAttribute("data-page", "overview");
    }

    static int candles(Locator chart) {
        return Integer.parseInt(chart.getAttribute("data-candles"));
    }

    void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
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

    static void simPrice(String symbol, String price) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simPort + "/sim/v1/price"))
                .header("X-Sim-Admin", SIM_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"" + symbol + "\",\"price\":\"" + price + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
