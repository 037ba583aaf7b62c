package io.tradeguard.app.alerts;

import java.time.Instant;

final class AlertFixtures {
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final String BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    static final String API_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final String SMTP_PASSWORD = "hunter2-smtp";

    private AlertFixtures() {
    }

    static Alert killSwitch(String body) {
        return new Alert(AlertKind.KILL_SWITCH, Severity.CRITICAL, "Kill switch tripped", body, NOW);
    }

    static Alert of(AlertKind kind, String title) {
        return new Alert(kind, Severity.WARNING, title, "", NOW);
    }
}
