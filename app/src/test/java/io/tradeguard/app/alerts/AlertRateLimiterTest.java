package io.tradeguard.app.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.tradeguard.app.alerts.AlertFixtures.NOW;
import static io.tradeguard.app.alerts.AlertFixtures.of;
import static org.assertj.core.api.Assertions.assertThat;

class AlertRateLimiterTest {

    private final AlertRateLimiter limiter = new AlertRateLimiter(2, Duration.ofMinutes(1));

    @Test
    void aBurstPassesUpToTheLimitAndTheRestIsCoalescedIntoOneMessageWithTheCount() {
        List<Optional<AlertMessage>> admitted = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            admitted.add(limiter.admit(Channel.EMAIL, of(AlertKind.LARGE_FILL, "fill " + i), NOW.plusSeconds(i)));
        }
        assertThat(admitted).filteredOn(Optional::isPresent).hasSize(2);
        assertThat(limiter.flush(NOW.plusSeconds(30))).isEmpty();               // window still full

        var released = limiter.flush(NOW.plusSeconds(62));                      // first send left the window
        assertThat(released).hasSize(1);
        AlertMessage summary = released.getFirst().message();
        assertThat(summary.alert().title()).isEqualTo("fill 5");
        assertThat(summary.coalesced()).isEqualTo(2);                           // fill 3 and fill 4
        assertThat(summary.text()).endsWith("(2 more LARGE_FILL alerts were held back by the rate limit)");
        assertThat(limiter.flush(NOW.plusSeconds(200))).isEmpty();              // told once
    }

    @Test
    void theNextAdmittedAlertCarriesTheCountWhenItComesBeforeTheFlush() {
        limiter.admit(Channel.EMAIL, of(AlertKind.LARGE_FILL, "a"), NOW);
        limiter.admit(Channel.EMAIL, of(AlertKind.LARGE_FILL, "b"), NOW);
        assertThat(limiter.admit(Channel.EMAIL, of(AlertKind.LARGE_FILL, "c"), NOW)).isEmpty();
        Optional<AlertMessage> next = limiter.admit(Channel.EMAIL, of(AlertKind.LARGE_FILL, "d"), NOW.plusSeconds(61));
        assertThat(next).get().extracting(AlertMessage::coalesced).isEqualTo(1);
        assertThat(limiter.flush(NOW.plusSeconds(200))).isEmpty();
    }

    @Test
    void kindsAndChannelsHaveSeparateLimits() {
        limiter.admit(Channel.EMAIL, of(AlertKind.LARGE_FILL, "a"), NOW);
        limiter.admit(Channel.EMAIL, of(AlertKind.LARGE_FILL, "b"), NOW);
        assertThat(limiter.admit(Channel.EMAIL, of(AlertKind.KILL_SWITCH, "k"), NOW)).isPresent();
        assertThat(limiter.admit(Channel.TELEGRAM, of(AlertKind.LARGE_FILL, "t"), NOW)).isPresent();
    }
}
