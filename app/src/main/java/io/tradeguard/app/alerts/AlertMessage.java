package io.tradeguard.app.alerts;

import java.util.Objects;

/**
 * What a channel delivers: a sanitised alert, standing for itself and for {@code coalesced} more of the
 * same kind that the rate limit held back.
 */
public record AlertMessage(Alert alert, int coalesced) {

    public AlertMessage {
        Objects.requireNonNull(alert, "alert");
        if (coalesced < 0) {
            throw new IllegalArgumentException("coalesced must not be negative, was " + coalesced);
        }
    }

    public String subject() {
        return "[tradeguard] " + alert.severity() + " " + alert.kind() + ": " + alert.title();
    }

    /** The plain-text form for chat and e-mail. */
    public String text() {
        var out = new StringBuilder()
                .append(alert.severity()).append(' ').append(alert.kind()).append(": ").append(alert.title()).append('\n');
        if (!alert.body().isEmpty()) {
            out.append(alert.body()).append('\n');
        }
        out.append("at ").append(alert.time());
        if (coalesced > 0) {
            out.append("\n(").append(coalesced).append(" more ").append(alert.kind())
                    .append(coalesced == 1 ? " alert was" : " alerts were").append(" held back by the rate limit)");
        }
        return out.toString();
    }
}
