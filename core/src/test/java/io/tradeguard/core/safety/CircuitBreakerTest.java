package io.tradeguard.core.safety;

import io.tradeguard.core.venue.VenueError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {
    private static final Duration COOLDOWN = Duration.ofSeconds(300);
    private static final VenueError SERVER = new VenueError(VenueError.Kind.SERVER, -1001, 500, "Internal error", null);
    private Instant now = Instant.parse("2026-03-02T10:00:00Z");
    private final CircuitBreaker breaker = new CircuitBreaker(5, COOLDOWN, CircuitBreakerState.closed());

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            breaker.onError(SERVER, now);
        }
    }

    @Test
    void fourErrorsKeepItClosedTheFifthOpensIt() {
        fail(4);
        assertThat(breaker.admit(now).allowed()).isTrue();
        assertThat(breaker.state().consecutiveErrors()).isEqualTo(4);
        assertThat(breaker.onError(SERVER, now)).singleElement().isInstanceOfSatisfying(SafetyEvent.CircuitBreakerOpened.class, e -> {
            assertThat(e.until()).isEqualTo(now.plus(COOLDOWN));
            assertThat(e.reason()).contains("5 exchange errors in a row");
        });
        assertThat(breaker.state().status()).isEqualTo(CircuitBreaker.Status.OPEN);
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        fail(4);
        breaker.onSuccess(now);
        fail(4);
        assertThat(breaker.state().status()).isEqualTo(CircuitBreaker.Status.CLOSED);
    }

    @Test
    void aBusinessRejectionIsNotAnExchangeError() {
        fail(4);
        breaker.onError(new VenueError(VenueError.Kind.REJECTED, -2010, 400, "Account has insufficient balance", null), now);
        fail(4);
        assertThat(breaker.state().status()).isEqualTo(CircuitBreaker.Status.CLOSED);
    }

    @Test
    void openRefusesUntilTheCooldownThenAllowsOneProbeThatClosesItOnSuccess() {
        fail(5);
        now = now.plus(COOLDOWN).minusMillis(1);
        CircuitBreaker.Admission refused = breaker.admit(now);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAt()).isEqualTo(now.plusMillis(1));
        now = now.plusMillis(1);
        CircuitBreaker.Admission probe = breaker.admit(now);
        assertThat(probe.allowed()).isTrue();
        assertThat(probe.probe()).isTrue();
        assertThat(probe.events()).containsExactly(new SafetyEvent.CircuitBreakerHalfOpened(now));
        assertThat(breaker.admit(now).allowed()).isFalse();
        assertThat(breaker.onSuccess(now)).containsExactly(new SafetyEvent.CircuitBreakerClosed(now));
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.closed());
        assertThat(breaker.admit(now).allowed()).isTrue();
    }

    @Test
    void aFailedProbeOpensItForAnotherCooldown() {
        fail(5);
        now = now.plus(COOLDOWN);
        assertThat(breaker.admit(now).probe()).isTrue();
        assertThat(breaker.onError(SERVER, now)).singleElement().isInstanceOfSatisfying(SafetyEvent.CircuitBreakerOpened.class,
                e -> assertThat(e.until()).isEqualTo(now.plus(COOLDOWN)));
        assertThat(breaker.admit(now.plus(COOLDOWN).minusSeconds(1)).allowed()).isFalse();
    }

    @Test
    void aProbeWhoseAnswerIsLostIsReplacedAfterACooldown() {
        fail(5);
        now = now.plus(COOLDOWN);
        assertThat(breaker.admit(now).probe()).isTrue();
        CircuitBreaker restored = new CircuitBreaker(5, COOLDOWN, breaker.state());
        CircuitBreaker.Admission waiting = restored.admit(now.plus(COOLDOWN).minusSeconds(1));
        assertThat(waiting.allowed()).isFalse();
        assertThat(waiting.retryAt()).isEqualTo(now.plus(COOLDOWN));
        assertThat(restored.admit(now.plus(COOLDOWN)).probe()).isTrue();
    }

    @Test
    void aLateSuccessDoesNotEndTheCooldown() {
        fail(5);
        assertThat(breaker.onSuccess(now)).isEmpty();
        assertThat(breaker.state().status()).isEqualTo(CircuitBreaker.Status.OPEN);
    }

    @Test
    void ordersSentDuringTheOutageWhoseOutcomeResolvesAfterTheProbeClosedItDoNotReopenIt() {
        Instant outage = now;
        fail(5);
        now = now.plus(COOLDOWN);
        assertThat(breaker.admit(now).probe()).isTrue();
        assertThat(breaker.onSuccess(now, now.plusMillis(5))).containsExactly(new SafetyEvent.CircuitBreakerClosed(now.plusMillis(5)));
        now = now.plusSeconds(5);
        // two orders sent during the outage: their unknown outcomes took seconds to resolve as "not placed"
        assertThat(breaker.onError(SERVER, outage, now)).isEmpty();
        assertThat(breaker.onError(SERVER, outage.plusSeconds(1), now)).isEmpty();
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.closed());
        // fresh failures still count, from one
        fail(4);
        assertThat(breaker.state().status()).isEqualTo(CircuitBreaker.Status.CLOSED);
        assertThat(breaker.onError(SERVER, now, now)).singleElement().isInstanceOf(SafetyEvent.CircuitBreakerOpened.class);
    }

    @Test
    void onlyAnswersToRequestsSentSinceItHalfOpenedDecideTheProbe() {
        Instant outage = now;
        fail(5);
        now = now.plus(COOLDOWN);
        assertThat(breaker.admit(now).probe()).isTrue();
        // a request from before the cooldown answers now, either way: neither closes nor re-opens the breaker
        assertThat(breaker.onError(SERVER, outage, now.plusMillis(1))).isEmpty();
        assertThat(breaker.onSuccess(outage, now.plusMillis(2))).isEmpty();
        assertThat(breaker.state().status()).isEqualTo(CircuitBreaker.Status.HALF_OPEN);
        assertThat(breaker.onError(SERVER, now, now.plusMillis(3))).singleElement().isInstanceOf(SafetyEvent.CircuitBreakerOpened.class);
    }

    @Test
    void aLateRateLimitStillOpensIt() {
        Instant earlier = now;
        fail(5);
        now = now.plus(COOLDOWN);
        breaker.admit(now);
        breaker.onSuccess(now, now);
        VenueError limited = new VenueError(VenueError.Kind.RATE_LIMITED, -1003, 429, "Too many requests", Duration.ofSeconds(30));
        assertThat(breaker.onError(limited, earlier, now)).singleElement().isInstanceOf(SafetyEvent.CircuitBreakerOpened.class);
    }

    @Test
    void aBanOpensItAtOnceForTheLongerOfBanAndCooldown() {
        VenueError ban = new VenueError(VenueError.Kind.BANNED, -1003, 418, "IP banned", Duration.ofMinutes(10));
        assertThat(breaker.onError(ban, now)).singleElement().isInstanceOfSatisfying(SafetyEvent.CircuitBreakerOpened.class,
                e -> assertThat(e.until()).isEqualTo(now.plus(Duration.ofMinutes(10))));
        VenueError tooMany = new VenueError(VenueError.Kind.RATE_LIMITED, -1003, 429, "Too many requests", Duration.ofSeconds(5));
        CircuitBreaker other = new CircuitBreaker(5, COOLDOWN, CircuitBreakerState.closed());
        assertThat(other.onError(tooMany, now)).singleElement().isInstanceOfSatisfying(SafetyEvent.CircuitBreakerOpened.class,
                e -> assertThat(e.until()).isEqualTo(now.plus(COOLDOWN)));
    }

    @Test
    void restoredFromItsRecordItKeepsRefusing() {
        fail(5);
        CircuitBreaker restored = new CircuitBreaker(5, COOLDOWN, breaker.state());
        assertThat(restored.admit(now.plusSeconds(10)).allowed()).isFalse();
        assertThat(restored.admit(now.plus(COOLDOWN)).probe()).isTrue();
    }
}
