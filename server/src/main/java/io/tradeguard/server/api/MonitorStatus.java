package io.tradeguard.server.api;

import java.time.Instant;

/** The local SL/TP trigger monitor. {@code lastCheck} is null before the first check. */
public record MonitorStatus(boolean running, int watched, Instant lastCheck) {
}
