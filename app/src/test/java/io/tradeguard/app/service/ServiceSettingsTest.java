package io.tradeguard.app.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceSettingsTest {
    @TempDir
    Path dir;

    private static ServiceSettings.Flags flags(Path config, String venue) {
        return new ServiceSettings.Flags(config, null, null, venue, null, null, null);
    }

    @Test
    void with_nothing_configured_it_is_the_simulator_on_8080_with_data_in_dot_data_and_trading_enabled() {
        ServiceSettings s = ServiceSettings.resolve(flags(null, null), Map.of());
        assertThat(s.venue()).isEqualTo(ServiceSettings.VenueChoice.SIM);
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(s.tradingEnabled()).isTrue();
    }

    @Test
    void a_flag_beats_the_environment_which_beats_the_file() throws IOException {
        Path config = write("server:\n  port: 9001\ntrading:\n  mode: hybrid\n");
        ServiceSettings fromFile = ServiceSettings.resolve(flags(config, null), Map.of());
        assertThat(fromFile.port()).isEqualTo(9001);
        assertThat(ServiceSettings.resolve(flags(config, null), Map.of("TRADEGUARD_PORT", "9002")).port()).isEqualTo(9002);
        assertThat(ServiceSettings.resolve(new ServiceSettings.Flags(config, 9003, null, null, null, null, null),
                Map.of("TRADEGUARD_PORT", "9002")).port()).isEqualTo(9003);
    }

    @Test
    void an_invalid_value_names_the_key_the_value_and_the_rule() throws IOException {
        Path config = write("trading:\n  enabled: maybe\n");
        assertThatThrownBy(() -> ServiceSettings.resolve(flags(config, null), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("trading.enabled").hasMessageContaining("maybe").hasMessageContaining("true or false");
    }

    @Test
    void the_venue_settings_are_read_again_hourly_unless_configured_and_a_bad_interval_is_refused() throws IOException {
        assertThat(ServiceSettings.resolve(flags(null, null), Map.of()).venueSettingsRefresh())
                .isEqualTo(java.time.Duration.ofHours(1));
        Path config = write("trading:\n  venue-settings-refresh-minutes: 15\n");
        assertThat(ServiceSettings.resolve(flags(config, null), Map.of()).venueSettingsRefresh())
                .isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(ServiceSettings.resolve(flags(config, null), Map.of("TRADEGUARD_VENUE_SETTINGS_REFRESH_MINUTES", "5"))
                .venueSettingsRefresh()).isEqualTo(java.time.Duration.ofMinutes(5));
        for (String bad : new String[]{"0", "-3", "1441", "1h", "NaN"}) {
            assertThatThrownBy(() -> ServiceSettings.resolve(flags(null, null), Map.of("TRADEGUARD_VENUE_SETTINGS_REFRESH_MINUTES", bad)))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("TRADEGUARD_VENUE_SETTINGS_REFRESH_MINUTES")
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void an_unknown_key_is_refused_rather_than_ignored() throws IOException {
        Path config = write("trading:\n  alow-mainnet: true\n");
        assertThatThrownBy(() -> ServiceSettings.resolve(flags(config, null), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("trading.alow-mainnet").hasMessageContaining("unknown");
    }

    @Test
    void an_invalid_risk_limit_is_refused_with_its_key() throws IOException {
        Path config = write("risk:\n  max_position_size_pct: 7\n");
        assertThatThrownBy(() -> ServiceSettings.resolve(flags(config, null), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("risk.max_position_size_pct").hasMessageContaining("'7'");
    }

    @Test
    void mainnet_is_refused_without_allow_mainnet_and_says_why() throws IOException {
        assertThatThrownBy(() -> ServiceSettings.resolve(flags(null, "binance-mainnet"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("allow-mainnet").hasMessageContaining("real money");
        Path config = write("trading:\n  allow-mainnet: true\n");
        ServiceSettings s = ServiceSettings.resolve(flags(config, "binance-mainnet"), Map.of());
        assertThat(s.venue()).isEqualTo(ServiceSettings.VenueChoice.BINANCE_MAINNET);
        assertThat(s.tradingEnabled()).as("live venues start with trading disabled").isFalse();
    }

    @Test
    void a_secret_value_is_not_repeated_in_the_error() {
        assertThatThrownBy(() -> ServiceSettings.resolve(flags(null, null), Map.of("TRADEGUARD_SIM_ADMIN_TOKEN", "short")))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining("short").hasMessageContaining("***");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("tradeguard.yaml"), yaml);
    }
}
