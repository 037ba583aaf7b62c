package io.tradeguard.app.alerts;

import io.tradeguard.app.service.ConfigException;
import io.tradeguard.app.service.ServiceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo strategy, trade sync and alert settings, through the service's own resolution (file, environment). */
class HybridSettingsTest {
    static final String TOKEN = "123456789:AAH-telegram-bot-token-for-tests-xyz";

    @TempDir
    Path dir;

    private ServiceSettings resolve(String yaml, String venue, Map<String, String> env) throws IOException {
        Path config = yaml == null ? null : Files.writeString(dir.resolve("tradeguard.yaml"), yaml);
        return ServiceSettings.resolve(new ServiceSettings.Flags(config, null, null, venue, null, null, null), env);
    }

    @Test
    void by_default_the_demo_strategy_runs_on_the_simulator_only_the_sync_is_every_30_s_and_alerts_go_to_the_log()
            throws IOException {
        ServiceSettings sim = resolve(null, null, Map.of());
        assertThat(sim.mode().name()).isEqualTo("HYBRID");
        assertThat(sim.hybrid().demoStrategy()).hasValueSatisfying(d -> {
            assertThat(d.symbol().value()).isEqualTo("BTCUSDT");
            assertThat(d.interval()).isEqualTo("1s");
        });
        assertThat(sim.hybrid().tradeSyncInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sim.hybrid().alerts().channels()).isEmpty();
        assertThat(sim.hybrid().alerts().rules()).isEqualTo(AlertMonitor.Rules.defaults());

        ServiceSettings testnet = resolve(null, "binance-testnet", Map.of());
        assertThat(testnet.hybrid().demoStrategy()).as("never trades a real exchange unless asked").isEmpty();
    }

    @Test
    void the_file_turns_the_demo_off_and_the_environment_beats_the_file() throws IOException {
        assertThat(resolve("signals:\n  demo-strategy: false\n", null, Map.of()).hybrid().demoStrategy()).isEmpty();
        assertThat(resolve("signals:\n  demo-strategy: false\n", null, Map.of("TRADEGUARD_SIGNALS_DEMO_STRATEGY", "true"))
                .hybrid().demoStrategy()).isPresent();
        ServiceSettings tuned = resolve("signals:\n  demo-symbol: ethusdt\n  demo-interval: 1m\n  demo-fast-period: 3\n"
                + "  demo-slow-period: 9\ntrading:\n  sync-interval-seconds: 5\n", null, Map.of());
        assertThat(tuned.hybrid().demoStrategy()).hasValueSatisfying(d -> {
            assertThat(d.symbol().value()).isEqualTo("ETHUSDT");
            assertThat(d.interval()).isEqualTo("1m");
            assertThat(d.crossover().fastPeriod()).isEqualTo(3);
            assertThat(d.crossover().slowPeriod()).isEqualTo(9);
        });
        assertThat(tuned.hybrid().tradeSyncInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void bad_values_stop_the_start_with_the_key_the_value_and_the_rule() {
        assertThatThrownBy(() -> resolve("signals:\n  demo-strategy: maybe\n", null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("signals.demo-strategy").hasMessageContaining("'maybe'");
        assertThatThrownBy(() -> resolve("signals:\n  demo-fast-period: 20\n", null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("fast period");
        assertThatThrownBy(() -> resolve("trading:\n  sync-interval-seconds: 0\n", null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("trading.sync-interval-seconds");
        assertThatThrownBy(() -> resolve("alerts:\n  daily-loss-warning-pct: 3\n", null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("fraction");
        assertThatThrownBy(() -> resolve("alerts:\n  events:\n    margin-call: email\n", null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.events.margin-call");
    }

    @Test
    void channels_per_kind_rate_limit_and_thresholds_come_from_the_file_and_secrets_from_the_environment() throws IOException {
        ServiceSettings s = resolve("""
                alerts:
                  connection-lost-seconds: 90
                  daily-loss-warning-pct: 0.02
                  large-fill-usd: 2500
                  max-per-window: 3
                  window-seconds: 60
                  telegram:
                    chat-id: "-100200300"
                    base-url: http://127.0.0.1:9999/
                  email:
                    host: smtp.example.org
                    from: tradeguard@example.org
                    to: [owner@example.org, ops@example.org]
                    username: tradeguard
                  webhook:
                    url: https://hooks.example.org/tradeguard
                  events:
                    large-fill: webhook
                    kill-switch: telegram, email
                    connection-lost: none
                """, null, Map.of(AlertConfig.BOT_TOKEN_ENV, TOKEN, AlertConfig.SMTP_PASSWORD_ENV, "smtp-password-1",
                AlertConfig.WEBHOOK_AUTHORIZATION_ENV, "Bearer webhook-secret-77"));
        AlertConfig a = s.hybrid().alerts();
        assertThat(a.channels()).containsExactlyInAnyOrder(Channel.TELEGRAM, Channel.EMAIL, Channel.WEBHOOK);
        assertThat(a.telegram()).hasValueSatisfying(t -> {
            assertThat(t.chatId()).isEqualTo("-100200300");
            assertThat(t.baseUrl().toString()).isEqualTo("http://127.0.0.1:9999");
        });
        assertThat(a.email()).hasValueSatisfying(e -> {
            assertThat(e.port()).isEqualTo(587);
            assertThat(e.startTls()).isTrue();
            assertThat(e.to()).containsExactly("owner@example.org", "ops@example.org");
            assertThat(e.password()).isEqualTo("smtp-password-1");
        });
        assertThat(a.delivery().channelsFor(AlertKind.LARGE_FILL)).containsExactly(Channel.WEBHOOK);
        assertThat(a.delivery().channelsFor(AlertKind.KILL_SWITCH)).containsExactlyInAnyOrder(Channel.TELEGRAM, Channel.EMAIL);
        assertThat(a.delivery().channelsFor(AlertKind.CONNECTION_LOST)).isEmpty();
        assertThat(a.delivery().channelsFor(AlertKind.LIQUIDATION)).hasSize(3);
        assertThat(a.delivery().maxPerWindow()).isEqualTo(3);
        assertThat(a.delivery().window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(a.rules()).isEqualTo(new AlertMonitor.Rules(Duration.ofSeconds(90), new BigDecimal("0.02"), new BigDecimal("2500")));
        assertThat(a.secrets()).containsExactlyInAnyOrder(TOKEN, "smtp-password-1", "Bearer webhook-secret-77");
        // what a log line of the settings would show
        assertThat(a.toString()).doesNotContain(TOKEN, "smtp-password-1", "webhook-secret-77");
    }

    @Test
    void a_secret_in_the_file_is_refused_and_a_channel_without_its_secret_or_its_address_is_an_error() {
        assertThatThrownBy(() -> resolve("alerts:\n  telegram:\n    bot-token: " + TOKEN + "\n", null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("never read from a file")
                .hasMessageContaining(AlertConfig.BOT_TOKEN_ENV).hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> resolve("alerts:\n  email:\n    password: hunter2hunter2\n", null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(AlertConfig.SMTP_PASSWORD_ENV)
                .hasMessageNotContaining("hunter2hunter2");
        assertThatThrownBy(() -> resolve("alerts:\n  telegram:\n    chat-id: \"42\"\n", null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(AlertConfig.BOT_TOKEN_ENV);
        assertThatThrownBy(() -> resolve("alerts:\n  email:\n    host: smtp.example.org\n    from: a@example.org\n", null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.email.to");
        assertThatThrownBy(() -> resolve("alerts:\n  email:\n    host: smtp.example.org\n    from: a@example.org\n    to: b@example.org\n"
                + "    username: me\n", null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(AlertConfig.SMTP_PASSWORD_ENV);
        assertThatThrownBy(() -> resolve("alerts:\n  events:\n    kill-switch: telegram\n", null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not configured");
        assertThatThrownBy(() -> resolve("alerts:\n  webhook:\n    url: ftp://example.org/x\n", null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http or https");
        assertThatThrownBy(() -> resolve(null, null, Map.of(AlertConfig.BOT_TOKEN_ENV, TOKEN)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.telegram.chat-id");
    }
}
