package io.tradeguard.binance.rest;

import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueError.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The error table of binance-api.md §7: code and HTTP status into the kind the engine acts on. */
class BinanceErrorsTest {

    @ParameterizedTest(name = "HTTP {0} code {1} -> {2} (retriable {3})")
    @CsvSource({
            "400, -1013, REJECTED,        false",   // Filter failure
            "400, -2010, REJECTED,        false",   // new order rejected (balance, would trigger, …)
            "400, -2011, REJECTED,        false",   // cancel rejected / unknown order
            "400, -2013, REJECTED,        false",   // no such order
            "400, -1121, REJECTED,        false",   // bad symbol
            "400, -1102, REJECTED,        false",   // mandatory param
            "400, -1111, REJECTED,        false",   // bad precision
            "400, -1021, TIMESTAMP,       true",
            "400, -1022, AUTH,            false",   // bad signature
            "401, -2014, AUTH,            false",
            "401, -2015, AUTH,            false",
            "401, -1002, AUTH,            false",
            "429, -1003, RATE_LIMITED,    true",
            "429, -1015, RATE_LIMITED,    true",
            "418, -1003, BANNED,          true",
            "500, -1000, UNKNOWN_OUTCOME, true",
            "500, -1006, UNKNOWN_OUTCOME, true",
            "500, -1007, UNKNOWN_OUTCOME, true",
            "503, -1008, SERVER,          true",    // busy: not processed
            "503, -1001, SERVER,          true",
            "503, -1016, SERVER,          true",
            "503,     0, UNKNOWN_OUTCOME, true",    // a bare 5xx: execution status unknown
            "502,     0, UNKNOWN_OUTCOME, true",
            "408,     0, UNKNOWN_OUTCOME, true",
            "403,     0, REJECTED,        false",   // WAF
            "400, -9999, REJECTED,        false",   // unknown code keeps code and message
            "500, -9999, UNKNOWN_OUTCOME, true"})
    void classification(int status, int code, Kind kind, boolean retriable) {
        VenueError error = BinanceErrors.classify(status, code, "msg " + code, null);
        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.retriable()).isEqualTo(retriable);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.httpStatus()).isEqualTo(status);
        assertThat(error.message()).isEqualTo("msg " + code);
    }

    @Test
    void retry_after_is_kept() {
        assertThat(BinanceErrors.classify(418, -1003, "banned", Duration.ofSeconds(120)).retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(BinanceErrors.classify(400, -1013, "", null).message()).isEqualTo("HTTP 400");
    }

    @Test
    void transport_failures_say_whether_anything_was_sent() {
        assertThat(BinanceErrors.transport(new ConnectException("refused")).kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(BinanceErrors.transport(new HttpConnectTimeoutException("connect")).kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(BinanceErrors.transport(new HttpTimeoutException("request timed out")).kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(BinanceErrors.transport(new IOException("connection reset")).kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
    }
}
