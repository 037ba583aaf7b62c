package io.tradeguard.app.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeguard.app.alerts.RecordingHttpServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static io.tradeguard.app.alerts.AlertFixtures.API_SECRET;
import static io.tradeguard.app.alerts.AlertFixtures.BOT_TOKEN;
import static io.tradeguard.app.alerts.AlertFixtures.killSwitch;
import static io.tradeguard.app.alerts.AlertFixtures.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AlertDispatcherTest {

    private static final Answer TELEGRAM_OK = new Answer(200, "{\"ok\":true}");
    private static final Answer OK = new Answer(204, "");
    private static final Answer BROKEN = new Answer(503, "");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AtomicReference<Instant> now = new AtomicReference<>(AlertFixtures.NOW);
    private final InstantSource clock = () -> now.get();
    private final SecretSanitizer sanitizer = new SecretSanitizer(List.of(API_SECRET, BOT_TOKEN));
    private RecordingHttpServer telegram;
    private RecordingHttpServer webhook;
    private AlertDispatcher dispatcher;

    private AlertDispatcher start(AlertSettings settings, Answer telegramAnswer, Answer... webhookAnswers) throws Exception {
        telegram = new RecordingHttpServer(telegramAnswer);
        webhook = new RecordingHttpServer(webhookAnswers);
        var notifiers = List.<Notifier>of(
                new TelegramNotifier(telegram.base(), BOT_TOKEN, "42", HttpPost.defaultClient(), TIMEOUT),
                new WebhookNotifier(webhook.base().resolve("/hooks/tg"), Map.of("Authorization", "Bearer hook-secret-1"),
                        HttpPost.defaultClient(), TIMEOUT));
        dispatcher = new AlertDispatcher(notifiers, settings, sanitizer, clock).start();
        return dispatcher;
    }

    private static AlertSettings fastRetries(AlertSettings s) {
        return s.withDelivery(100, 4, Duration.ofMillis(20), Duration.ofMillis(50));
    }

    private static final AlertSettings BOTH = fastRetries(AlertSettings.everyKindTo(Set.of(Channel.TELEGRAM, Channel.WEBHOOK)));

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (telegram != null) {
            telegram.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    void eachChannelReceivesExactlyTheExpectedRequest() throws Exception {
        start(BOTH, TELEGRAM_OK, OK);
        dispatcher.publish(killSwitch("trading halted"));

        await().atMost(TIMEOUT).until(() -> dispatcher.stats(Channel.WEBHOOK).delivered() == 1
                && dispatcher.stats(Channel.TELEGRAM).delivered() == 1);
        assertThat(telegram.requests()).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/bot" + BOT_TOKEN + "/sendMessage"));
        var hook = webhook.requests();
        assertThat(hook).hasSize(1);
        assertThat(hook.getFirst().path()).isEqualTo("/hooks/tg");
        assertThat(hook.getFirst().authorization()).isEqualTo("Bearer hook-secret-1");
        var json = new ObjectMapper().readTree(hook.getFirst().body());
        assertThat(json.path("kind").asText()).isEqualTo("KILL_SWITCH");
        assertThat(json.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(json.path("title").asText()).isEqualTo("Kill switch tripped");
        assertThat(json.path("body").asText()).isEqualTo("trading halted");
        assertThat(json.path("time").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(json.path("coalesced").asInt()).isZero();
    }

    @Test
    void kindsGoOnlyToTheirConfiguredChannels() throws Exception {
        start(BOTH.withRoute(AlertKind.LARGE_FILL, Set.of(Channel.WEBHOOK)).withRoute(AlertKind.LIQUIDATION, Set.of()),
                TELEGRAM_OK, OK);
        dispatcher.publish(of(AlertKind.LARGE_FILL, "filled 2 BTC"));
        dispatcher.publish(of(AlertKind.LIQUIDATION, "liquidated"));
        dispatcher.publish(of(AlertKind.CIRCUIT_BREAKER, "breaker open"));

        await().atMost(TIMEOUT).until(() -> dispatcher.stats(Channel.WEBHOOK).delivered() == 2
                && dispatcher.stats(Channel.TELEGRAM).delivered() == 1);
        assertThat(webhook.requests()).extracting(r -> new ObjectMapper().readTree(r.body()).path("kind").asText())
                .containsExactlyInAnyOrder("LARGE_FILL", "CIRCUIT_BREAKER");
        assertThat(telegram.requests()).singleElement().satisfies(r -> assertThat(r.body()).contains("CIRCUIT_BREAKER"));
    }

    @Test
    void aFailingChannelIsRetriedAndASlowOneBlocksNeitherTheCallerNorTheOthers() throws Exception {
        start(BOTH, TELEGRAM_OK, BROKEN, BROKEN, OK);
        telegram.hang();

        long before = System.nanoTime();
        dispatcher.publish(killSwitch("halted"));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));

        await().atMost(TIMEOUT).until(() -> dispatcher.stats(Channel.WEBHOOK).delivered() == 1);
        assertThat(webhook.requests()).hasSize(3);                      // 503, 503, then 204
        assertThat(dispatcher.stats(Channel.WEBHOOK).retries()).isEqualTo(2);
        assertThat(dispatcher.stats(Channel.TELEGRAM).delivered()).isZero();  // still hanging

        telegram.release();
        await().atMost(TIMEOUT).until(() -> dispatcher.stats(Channel.TELEGRAM).delivered() == 1);
    }

    @Test
    void aChannelThatNeverRecoversGivesUpAfterTheLastAttempt() throws Exception {
        start(BOTH, new Answer(400, "{\"ok\":false,\"description\":\"Unauthorized\"}"), BROKEN);
        dispatcher.publish(killSwitch("halted"));

        await().atMost(TIMEOUT).until(() -> dispatcher.stats(Channel.WEBHOOK).failed() == 1
                && dispatcher.stats(Channel.TELEGRAM).failed() == 1);
        assertThat(webhook.requests()).hasSize(4);     // maxAttempts
        assertThat(telegram.requests()).hasSize(1);    // a refusal is not retried
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        var settings = BOTH.withRoute(AlertKind.LARGE_FILL, Set.of(Channel.TELEGRAM))
                .withRateLimit(1000, Duration.ofMinutes(1))
                .withDelivery(2, 1, Duration.ZERO, Duration.ZERO);
        start(settings, TELEGRAM_OK, OK);
        telegram.hang();
        dispatcher.publish(of(AlertKind.LARGE_FILL, "fill 0"));
        await().atMost(TIMEOUT).until(() -> telegram.requests().size() == 1);   // the worker is now stuck in it

        for (int i = 1; i <= 5; i++) {
            dispatcher.publish(of(AlertKind.LARGE_FILL, "fill " + i));
        }
        assertThat(dispatcher.stats(Channel.TELEGRAM).dropped()).isEqualTo(3);  // 2 queued, 3 dropped
        telegram.release();
        await().atMost(TIMEOUT).until(() -> dispatcher.stats(Channel.TELEGRAM).delivered() == 3);
    }

    @Test
    void aBurstIsCoalescedIntoACount() throws Exception {
        start(BOTH.withRoute(AlertKind.CONNECTION_LOST, Set.of(Channel.WEBHOOK)).withRateLimit(2, Duration.ofMinutes(1)),
                TELEGRAM_OK, OK);
        for (int i = 1; i <= 10; i++) {
            dispatcher.publish(of(AlertKind.CONNECTION_LOST, "user stream lost #" + i));
        }
        await().atMost(TIMEOUT).until(() -> dispatcher.stats(Channel.WEBHOOK).delivered() == 2);
        assertThat(dispatcher.stats(Channel.WEBHOOK).heldBack()).isEqualTo(8);

        now.set(AlertFixtures.NOW.plusSeconds(61));
        dispatcher.flushHeldBack();

        await().atMost(TIMEOUT).until(() -> dispatcher.stats(Channel.WEBHOOK).delivered() == 3);
        var last = new ObjectMapper().readTree(webhook.requests().get(2).body());
        assertThat(last.path("title").asText()).isEqualTo("user stream lost #10");
        assertThat(last.path("coalesced").asInt()).isEqualTo(7);
        assertThat(webhook.requests()).hasSize(3);
    }

    @Test
    void noSecretReachesAnyChannel() throws Exception {
        start(BOTH, TELEGRAM_OK, OK);
        dispatcher.publish(new Alert(AlertKind.CIRCUIT_BREAKER, Severity.WARNING, "breaker open",
                "5 errors; last request apiKey=" + "K".repeat(20) + "&signature=abc123 secret " + API_SECRET, AlertFixtures.NOW));

        await().atMost(TIMEOUT).until(() -> dispatcher.stats(Channel.WEBHOOK).delivered() == 1
                && dispatcher.stats(Channel.TELEGRAM).delivered() == 1);
        String telegramBody = telegram.requests().getFirst().body();
        String hookBody = webhook.requests().getFirst().body();
        for (String sent : List.of(telegramBody, hookBody)) {
            assertThat(sent).doesNotContain(API_SECRET, "K".repeat(20), "abc123").contains("***");
        }
    }

    @Test
    void aRouteToAnUnconfiguredChannelIsAConfigurationError() {
        assertThatThrownBy(() -> new AlertDispatcher(List.of(), AlertSettings.everyKindTo(Set.of(Channel.EMAIL)),
                sanitizer, clock))
                .hasMessage("alerts are routed to [EMAIL] but that channel is not configured");
    }
}
