package io.tradeguard.app.alerts;

import java.time.Instant;
import java.util.Objects;

/** One notification for the user. Bodies are plain text; secrets are removed before any channel sees it. */
public record Alert(AlertKind kind, Severity severity, String title, String body, Instant time) {

    static final int MAX_TITLE = 200;
    /** Telegram refuses messages over 4096 characters; longer bodies are cut after secrets are removed. */
    static final int MAX_BODY = 3500;

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(time, "time");
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("an alert title must have 1 to " + MAX_TITLE + " characters");
        }
        if (body == null) {
            body = "";
        }
    }

    Alert withText(String newTitle, String newBody) {
        return new Alert(kind, severity, newTitle, newBody, time);
    }
}
