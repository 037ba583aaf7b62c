package io.tradeguard.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The client commands' way to a running service: log in, one call, print the JSON answer. */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(String base) {
        this.base = URI.create(base.replaceAll("/+$", "") + "/");
    }

    /** Logs in and runs one call; prints the answer; 0 on 2xx, 1 otherwise (the problem is printed to err). */
    int run(String user, String password, String method, String path, Map<String, Object> body, PrintStream out, PrintStream err) {
        try {
            ObjectNode login = JSON.createObjectNode().put("username", user).put("password", password);
            HttpResponse<String> auth = send("POST", "api/auth/login", null, login.toString());
            if (auth.statusCode() != 200) {
                err.println("login failed (" + auth.statusCode() + "): " + auth.body());
                return 1;
            }
            String token = JSON.readTree(auth.body()).get("access_token").asText();
            HttpResponse<String> answer = send(method, path, token, body == null ? null : JSON.writeValueAsString(body));
            boolean ok = answer.statusCode() / 100 == 2;
            String text = answer.body().isEmpty() ? "" : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(answer.body()));
            (ok ? out : err).println(ok ? text : answer.statusCode() + " " + text);
            return ok ? 0 : 1;
        } catch (IOException e) {
            err.println("cannot reach the service at " + base + ": " + e.getMessage() + " (is it running? --url / TRADEGUARD_URL)");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
