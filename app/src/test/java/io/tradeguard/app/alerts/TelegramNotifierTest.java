package io.tradeguard.app.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeguard.app.alerts.RecordingHttpServer.Answer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static io.tradeguard.app.alerts.AlertFixtures.BOT_TOKEN;
import static io.tradeguard.app.alerts.AlertFixtures.killSwitch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TelegramNotifierTest {

    private static TelegramNotifier notifier(URI base) {
        return new TelegramNotifier(base, BOT_TOKEN, "-100200300", HttpPost.defaultClient(), Duration.ofSeconds(5));
    }

    @Test
    void postsSendMessageWithTheChatAndTheText() throws Exception {
        try (var telegram = new RecordingHttpServer(new Answer(200, "{\"ok\":true,\"result\":{\"message_id\":7}}"))) {
            notifier(telegram.base()).send(new AlertMessage(killSwitch("daily loss 5% reached"), 0));

            assertThat(telegram.requests()).hasSize(1);
            var request = telegram.requests().getFirst();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/bot" + BOT_TOKEN + "/sendMessage");
            assertThat(request.contentType()).startsWith("application/json");
            var json = new ObjectMapper().readTree(request.body());
            assertThat(json.path("chat_id").asText()).isEqualTo("-100200300");
            assertThat(json.path("text").asText())
                    .isEqualTo("CRITICAL KILL_SWITCH: Kill switch tripped\ndaily loss 5% reached\nat 2026-03-02T10:00:00Z");
        }
    }

    @Test
    void aRefusalIsPermanentAndItsMessageNeverCarriesTheToken() throws Exception {
        try (var telegram = new RecordingHttpServer(new Answer(400, "{\"ok\":false,\"description\":\"Bad Request: chat not found\"}"))) {
            DeliveryException e = catchThrowableOfType(DeliveryException.class,
                    () -> notifier(telegram.base()).send(new AlertMessage(killSwitch(""), 0)));
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("telegram answered 400: Bad Request: chat not found").doesNotContain(BOT_TOKEN);
        }
    }

    @Test
    void tooManyRequestsIsRetryableAfterTheWaitTelegramAsksFor() throws Exception {
        try (var telegram = new RecordingHttpServer(new Answer(429,
                "{\"ok\":false,\"description\":\"Too Many Requests\",\"parameters\":{\"retry_after\":3}}"))) {
            DeliveryException e = catchThrowableOfType(DeliveryException.class,
                    () -> notifier(telegram.base()).send(new AlertMessage(killSwitch(""), 0)));
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void anUnreachableServerIsRetryableAndTheMessageHasNoUrl() throws Exception {
        URI closed;
        try (var gone = new RecordingHttpServer(new Answer(200, "{}"))) {
            closed = gone.base();
        }
        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> notifier(closed).send(new AlertMessage(killSwitch(""), 0)));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).startsWith("telegram unreachable").doesNotContain(BOT_TOKEN, "127.0.0.1");
    }

    @Test
    void aMalformedTokenIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> new TelegramNotifier(TelegramNotifier.PRODUCTION, "my-secret-thing", "1",
                HttpPost.defaultClient(), Duration.ofSeconds(1)))
                .hasMessageNotContaining("my-secret-thing")
                .hasMessageStartingWith("telegram bot token is missing or not shaped like");
    }
}
