package io.tradeguard.app.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tradeguard.app.service.ServiceEndToEndTest.json;
import static io.tradeguard.app.service.ServiceEndToEndTest.sendTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The run command in its own JVM, stopped with SIGTERM as a service manager does: it stops taking orders,
 * applies the open-order policy (cancel, by default), flushes the journal and exits 0.
 */
class GracefulShutdownTest {
    private static final Pattern READY = Pattern.compile("tradeguard is ready in \\d+ ms: dashboard http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void sigterm_cancels_the_open_orders_flushes_and_exits_zero() throws Exception {
        Path data = dir.resolve("data");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "io.tradeguard.app.Main",
                "run", "--port", "0", "--data-dir", data.toString()));
        Path log = dir.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TRADEGUARD_ADMIN_PASSWORD", ServiceEndToEndTest.PASSWORD);
        Process process = builder.start();
        java.util.function.Supplier<List<String>> lines = () -> {
            try {
                return java.nio.file.Files.readAllLines(log);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try {
            int port = await().atMost(Duration.ofSeconds(90)).until(() -> lines.get().stream().map(READY::matcher)
                    .filter(Matcher::find).map(m -> Integer.parseInt(m.group(1))).findFirst().orElse(0), p -> p > 0);
            String token = json(sendTo(port, "POST", "/api/auth/login", null,
                    "{\"username\":\"admin\",\"password\":\"" + ServiceEndToEndTest.PASSWORD + "\"}")).get("access_token").asText();
            var placed = sendTo(port, "POST", "/api/real-trading/order/limit", token,
                    "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.001\",\"price\":\"20000\"}");
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
            String clientOrderId = json(placed).get("client_order_id").asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> json(sendTo(port, "GET", "/api/real-trading/order/" + clientOrderId,
                    token, null)).get("status").asText().equals("NEW"));

            process.destroy(); // SIGTERM on Linux

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join("\n", lines.get())).isTrue();
            assertThat(process.exitValue()).as(String.join("\n", lines.get())).isZero();
            assertThat(lines.get()).anySatisfy(l -> assertThat(l).contains("tradeguard stopping"));
            assertThat(lines.get()).anySatisfy(l -> assertThat(l).contains("tradeguard stopped"));
            // the venue confirmed the cancel and the journal has it, durably
            assertThat(statusInJournal(data.resolve("sim").resolve("journal.db"), clientOrderId)).isEqualTo("CANCELED");
        } finally {
            process.destroyForcibly();
        }
    }

    private static String statusInJournal(Path db, String clientOrderId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement s = c.prepareStatement("SELECT status FROM orders WHERE client_order_id = ?")) {
            s.setString(1, clientOrderId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
