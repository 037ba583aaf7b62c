package io.tradeguard.core.signal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.tradeguard.core.signal.SignalFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeenSignalsTest {

    private static final SignalId A = SignalId.of("a");
    private static final SignalId B = SignalId.of("b");
    private static final SignalId C = SignalId.of("c");

    @Test
    void theFirstSightingIsTakenAndTheSecondIsADuplicate() {
        var seen = new SeenSignals(10, Duration.ofHours(1));
        assertThat(seen.firstSighting(A, NOW)).isTrue();
        assertThat(seen.firstSighting(A, NOW.plusSeconds(5))).isFalse();
        assertThat(seen.contains(A, NOW.plusSeconds(5))).isTrue();
        assertThat(seen.contains(B, NOW)).isFalse();
    }

    @Test
    void idsExpireAfterTheRetention() {
        var seen = new SeenSignals(10, Duration.ofHours(1));
        seen.firstSighting(A, NOW);
        assertThat(seen.contains(A, NOW.plus(Duration.ofHours(1)))).isTrue();
        assertThat(seen.firstSighting(A, NOW.plus(Duration.ofHours(1)).plusMillis(1))).isTrue();
    }

    @Test
    void beyondTheCapacityTheOldestIsForgottenFirst() {
        var seen = new SeenSignals(2, Duration.ofHours(1));
        seen.firstSighting(A, NOW);
        seen.firstSighting(B, NOW.plusSeconds(1));
        seen.firstSighting(C, NOW.plusSeconds(2));
        assertThat(seen.size()).isEqualTo(2);
        assertThat(seen.contains(A, NOW.plusSeconds(3))).isFalse();
        assertThat(seen.contains(B, NOW.plusSeconds(3))).isTrue();
        assertThat(seen.contains(C, NOW.plusSeconds(3))).isTrue();
    }

    @Test
    void aSnapshotRestoresTheMemoryAfterARestartWithoutWhatExpired() {
        var before = new SeenSignals(10, Duration.ofHours(1));
        before.firstSighting(A, NOW);
        before.firstSighting(B, NOW.plus(Duration.ofMinutes(30)));
        List<SeenSignals.Entry> snapshot = before.snapshot(NOW.plus(Duration.ofMinutes(31)));
        assertThat(snapshot).extracting(SeenSignals.Entry::id).containsExactly(A, B);

        var after = SeenSignals.restore(snapshot, 10, Duration.ofHours(1), NOW.plus(Duration.ofMinutes(61)));
        assertThat(after.contains(A, NOW.plus(Duration.ofMinutes(61)))).isFalse();
        assertThat(after.firstSighting(B, NOW.plus(Duration.ofMinutes(61)))).isFalse();
    }

    @Test
    void nonsenseBoundsAreRefused() {
        assertThatThrownBy(() -> new SeenSignals(0, Duration.ofHours(1))).hasMessage("capacity must be at least 1, was 0");
        assertThatThrownBy(() -> new SeenSignals(1, Duration.ZERO)).hasMessage("retention must be positive, was PT0S");
    }
}
