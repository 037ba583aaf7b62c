package io.tradeguard.app.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Posts each alert as JSON to a URL of the user's choice (Slack/Discord bridges, n8n, a pager):
 * {@code {"source":"tradeguard","kind":…,"severity":…,"title":…,"body":…,"time":…,"coalesced":…}}.
 * Any 2xx is delivered. Extra headers (e.g. an Authorization) are sent but never logged.
 */
public final class WebhookNotifier implements Notifier {

    private final URI url;
    private final Map<String, String> headers;
    private final HttpPost post;
    private final ObjectMapper json = new ObjectMapper();

    public WebhookNotifier(URI url, Map<String, String> headers, HttpClient http, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("webhook URL must be http or https");
        }
        this.headers = Map.copyOf(headers);
        this.post = new HttpPost(http, timeout);
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(AlertMessage message) throws DeliveryException {
        Alert a = message.alert();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "tradeguard");
        body.put("kind", a.kind().name());
        body.put("severity", a.severity().name());
        body.put("title", a.title());
        body.put("body", a.body());
        body.put("time", a.time().toString());
        body.put("coalesced", message.coalesced());
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for a map of strings and numbers", e);
        }
        int status = post.json("webhook", url, text, headers).statusCode();
        if (status / 100 == 2) {
            return;
        }
        String error = "webhook answered " + status;
        throw HttpPost.retryableStatus(status) ? DeliveryException.retryable(error) : DeliveryException.permanent(error);
    }
}
