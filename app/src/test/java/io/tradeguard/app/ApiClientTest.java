package io.tradeguard.app;

import io.tradeguard.app.service.Service;
import io.tradeguard.app.service.ServiceSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The client commands' HTTP path against the real service. */
class ApiClientTest {
    static final String PASSWORD = "client-command-password-1";

    @TempDir
    static Path dataDir;
    static Service service;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        service = Service.start(ServiceSettings.resolve(new ServiceSettings.Flags(null, 0, dataDir, "sim", null, null, null),
                // the demo strategy would trade BTCUSDT in the background
                Map.of("TRADEGUARD_ADMIN_PASSWORD", PASSWORD, "TRADEGUARD_SIGNALS_DEMO_STRATEGY", "false")),
                new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private int run(String password, String method, String path, Map<String, Object> body) {
        return new ApiClient("http://127.0.0.1:" + service.port()).run("admin", password, method, path, body,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void status_prints_the_service_state_and_exits_0() {
        assertThat(run(PASSWORD, "GET", "api/real-trading/status", null)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"trading_enabled\" : true").contains("\"venue\" : \"sim\"");
    }

    @Test
    void a_wrong_password_fails_the_login_and_exits_1() {
        assertThat(run("not-the-password-123", "GET", "api/real-trading/status", null)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("login failed (401)");
    }

    @Test
    void cancelling_an_unknown_order_prints_the_problem_and_exits_1() {
        assertThat(run(PASSWORD, "DELETE", "api/real-trading/order/TGM-nope-1", null)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("404").contains("no order TGM-nope-1");
    }
}
