package io.tradeguard.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tradeguard.server.ServerConfig;
import io.tradeguard.server.ServerParts;
import io.tradeguard.server.TradeguardServer;
import io.tradeguard.server.api.ComponentHealth;
import io.tradeguard.server.api.HealthCheck;
import io.tradeguard.server.auth.FileSecretStore;
import io.tradeguard.server.auth.FileUserDirectory;
import io.tradeguard.server.auth.Passwords;
import io.tradeguard.server.auth.Role;
import io.tradeguard.server.auth.User;
import io.tradeguard.server.auth.Username;
import io.tradeguard.server.http.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A real server on a free loopback port with a fake engine, three users (one per role, password
 * {@code <name>-password-1}) and a real HTTP client.
 */
public final class TestServer implements AutoCloseable {
    public static final ObjectMapper JSON = Json.mapper();

    public final FakeEngine engine = new FakeEngine();
    public final ManualClock clock = new ManualClock(FakeEngine.T0);
    public final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    public final Path dataDir;
    public final TradeguardServer server;
    public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public volatile ComponentHealth.Status exchangeHealth = ComponentHealth.Status.UP;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public TestServer() {
        this(ServerConfig.defaults().withPort(0).withLoginLimits(5, 10_000));
    }

    public TestServer(ServerConfig config) {
        try {
            dataDir = Files.createTempDirectory("tradeguard-server-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileUserDirectory users = new FileUserDirectory(dataDir.resolve("users.txt"));
        Passwords passwords = new Passwords();
        for (Role role : Role.values()) {
            String name = role.wireName();
            users.save(new User(Username.of(name), role, passwords.hash(password(name))));
        }
        HealthCheck exchange = new HealthCheck() {
            @Override
            public String name() {
                return "exchange_connection";
            }

            @Override
            public ComponentHealth check() {
                return new ComponentHealth(exchangeHealth, "fake exchange");
            }
        };
        HealthCheck engineCheck = new HealthCheck() {
            @Override
            public String name() {
                return "engine";
            }

            @Override
            public ComponentHealth check() {
                return new ComponentHealth(ComponentHealth.Status.UP, "running");
            }
        };
        server = TradeguardServer.create(config, new ServerParts(engine, engine, engine, engine, engine,
                List.of(engineCheck, exchange), users, new FileSecretStore(dataDir.resolve("secrets")), metrics, clock));
        server.start();
    }

    public static String password(String user) {
        return user + "-password-1";
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** An access token of the user of that name, logged in once and cached. */
    public String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            HttpResponse<String> r = post("/api/auth/login", null, "{\"username\":\"" + u + "\",\"password\":\"" + password(u) + "\"}");
            if (r.statusCode() != 200) {
                throw new IllegalStateException("login of " + u + " failed: " + r.statusCode() + " " + r.body());
            }
            return json(r).get("access_token").asText();
        });
    }

    public HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public HttpResponse<String> post(String path, String token, String body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder b = request(path, token);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        server.stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
