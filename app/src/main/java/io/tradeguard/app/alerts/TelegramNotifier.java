package io.tradeguard.app.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Sends alerts through the Telegram Bot API: {@code POST {base}/bot<token>/sendMessage} with the chat id
 * and plain text. The base URL is configurable (https://api.telegram.org in production, a local server in
 * tests).
 */
public final class TelegramNotifier implements Notifier {

    public static final URI PRODUCTION = URI.create("https://api.telegram.org");
    private static final Pattern TOKEN = Pattern.compile("\\d{3,}:[A-Za-z0-9_-]{20,}");

    private final URI sendMessage;
    private final String chatId;
    private final HttpPost post;
    private final ObjectMapper json = new ObjectMapper();

    public TelegramNotifier(URI baseUrl, String botToken, String chatId, HttpClient http, Duration timeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (botToken == null || !TOKEN.matcher(botToken).matches()) {
            throw new IllegalArgumentException("telegram bot token is missing or not shaped like 123456:ABC… (as BotFather gives it)");
        }
        if (chatId == null || chatId.isBlank()) {
            throw new IllegalArgumentException("telegram chat id is missing");
        }
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.sendMessage = URI.create(base + "/bot" + botToken + "/sendMessage");
        this.chatId = chatId.strip();
        this.post = new HttpPost(http, timeout);
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public void send(AlertMessage message) throws DeliveryException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("text", message.text());
        body.put("disable_web_page_preview", true);
        var response = post.json("telegram", sendMessage, write(body), Map.of());
        JsonNode answer = parse(response.body());
        if (response.statusCode() == 200 && answer.path("ok").asBoolean(false)) {
            return;
        }
        String description = answer.path("description").asText("no description");
        if (response.statusCode() == 429) {
            long wait = answer.path("parameters").path("retry_after").asLong(1);
            throw new DeliveryException("telegram rate limit: " + description, true, Duration.ofSeconds(wait));
        }
        String text = "telegram answered " + response.statusCode() + ": " + description;
        throw HttpPost.retryableStatus(response.statusCode())
                ? DeliveryException.retryable(text) : DeliveryException.permanent(text);
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for a map of strings", e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}
