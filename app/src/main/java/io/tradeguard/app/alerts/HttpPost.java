package io.tradeguard.app.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * Posts JSON for the HTTP channels and sorts failures into retryable or not. Error messages name the
 * channel, never the URL, which may carry a token.
 */
final class HttpPost {

    private final HttpClient http;
    private final Duration timeout;

    HttpPost(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> json(String channelName, URI uri, String body, Map<String, String> headers)
            throws DeliveryException {
        var request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw DeliveryException.retryable(channelName + " did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw DeliveryException.retryable(channelName + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.permanent(channelName + " delivery interrupted");
        }
    }

    /** 5xx and 429 may pass; any other refusal will not. */
    static boolean retryableStatus(int status) {
        return status >= 500 || status == 429;
    }
}
