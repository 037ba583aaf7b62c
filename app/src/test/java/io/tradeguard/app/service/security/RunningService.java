package io.tradeguard.app.service.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeguard.app.service.Service;
import io.tradeguard.app.service.ServiceSettings;
import io.tradeguard.server.auth.FileUserDirectory;
import io.tradeguard.server.auth.Passwords;
import io.tradeguard.server.auth.Role;
import io.tradeguard.server.auth.User;
import io.tradeguard.server.auth.Username;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real service (embedded simulator, SQLite journal, API on a free port) with three users, one per role,
 * driven over HTTP only. {@link #state()} is what an attack must not change: the orders, balances and positions
 * as the API lists them and the journal's row count as SQLite has it.
 */
public final class RunningService implements AutoCloseable {
    public static final String PASSWORD = "security-test-password";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final Path dataDir;
    public final Service service;
    public final String admin;
    public final String trader;
    public final String viewer;

    private RunningService(Path dataDir, Service service) {
        this.dataDir = dataDir;
        this.service = service;
        this.admin = login("admin");
        this.trader = login("trader");
        this.viewer = login("viewer");
    }

    /** Starts the service in {@code dir} and waits until an order can be judged (prices and books known). */
    public static RunningService start(Path dir) throws Exception {
        return start(dir, null, null);
    }

    /** As {@link #start(Path)}, with the embedded simulator on this port and admin token (tests that move its price). */
    public static RunningService start(Path dir, Integer simPort, String simAdminToken) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        FileUserDirectory users = new FileUserDirectory(data.resolve("users.txt"));
        Passwords passwords = new Passwords();
        users.save(new User(Username.of("admin"), Role.ADMIN, passwords.hash(PASSWORD)));
        users.save(new User(Username.of("trader"), Role.TRADER, passwords.hash(PASSWORD)));
        users.save(new User(Username.of("viewer"), Role.VIEWER, passwords.hash(PASSWORD)));
        // rules refuse rather than shrink an order, so that a refusal can be seen
        Path config = Files.writeString(dir.resolve("tradeguard.yaml"), "risk:\n  auto_adjust_size: false\n");
        ServiceSettings settings = ServiceSettings.resolve(
                new ServiceSettings.Flags(config, 0, data, "sim", simPort, simAdminToken, null), Map.of());
        Service service = Service.start(settings, new PrintStream(new ByteArrayOutputStream()));
        RunningService running;
        try {
            running = new RunningService(data, service);
        } catch (RuntimeException | Error e) {
            service.close();
            throw e;
        }
        String probe = "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"order_type\":\"MARKET\",\"quantity\":\"0.01\"}";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> r = running.send("POST", "/api/real-trading/order/preview", running.trader, probe);
            return r.statusCode() == 200 && json(r).at("/verdict/approved").asBoolean();
        });
        return running;
    }

    public int port() {
        return service.port();
    }

    @Override
    public void close() {
        service.close();
    }

    private String login(String user) {
        HttpResponse<String> r = send("POST", "/api/auth/login", null,
                "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("access_token").asText();
    }

    public HttpResponse<String> send(String method, String path, String bearer, String body) {
        HttpRequest.Builder b = request(path, bearer);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(15));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpClient http() {
        return HTTP;
    }

    public static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + r.body(), e);
        }
    }

    /** Asserts a problem+json answer with this status (and machine code, when given). */
    public static JsonNode assertProblem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.uri() + " → " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(r.uri().toString())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json(r);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).as("a human sentence").isNotBlank();
        if (code != null) {
            assertThat(problem.get("code").asText()).as(r.body()).isEqualTo(code);
        }
        return problem;
    }

    /**
     * What an attack must leave alone. Prices move, so positions are compared by what is held (quantity, entry),
     * not by their valuation.
     */
    public record State(List<String> orders, long orderCount, Map<String, String> balances, Map<String, String> positions,
                 long journalRows, long orderRows) {
    }

    public State state() {
        JsonNode page = json(send("GET", "/api/real-trading/orders?size=200", admin, null));
        List<String> orders = new ArrayList<>();
        for (JsonNode o : page.get("items")) {
            orders.add(o.get("order_id").asText() + "|" + o.get("client_order_id").asText() + "|" + o.get("status").asText()
                    + "|" + o.get("filled_quantity").asText());
        }
        Map<String, String> balances = new TreeMap<>();
        for (JsonNode b : json(send("GET", "/api/real-trading/balance", admin, null))) {
            balances.put(b.get("market").asText() + ":" + b.get("asset").asText(), b.get("free").decimalValue().toPlainString()
                    + "/" + b.get("locked").decimalValue().toPlainString());
        }
        Map<String, String> positions = new TreeMap<>();
        for (JsonNode p : json(send("GET", "/api/real-trading/positions", admin, null))) {
            positions.put(p.get("position_id").asText(), p.get("quantity").decimalValue().toPlainString() + "@"
                    + p.get("entry_price").decimalValue().toPlainString());
        }
        return new State(orders, page.get("total").asLong(), balances, positions, count("events"), count("orders"));
    }

    /** Rows of a journal table, read straight from the SQLite file. */
    public long count(String table) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("sim").resolve("journal.db"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal: " + e.getMessage(), e);
        }
    }

    /** Runs the attack and asserts that the orders, balances, positions and journal are as before it. */
    public void assertNothingChanges(Runnable attack) {
        State before = state();
        attack.run();
        assertThat(state()).isEqualTo(before);
    }
}
