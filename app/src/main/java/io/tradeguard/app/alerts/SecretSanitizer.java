package io.tradeguard.app.alerts;

import io.tradeguard.app.SecretMaskingConverter;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Removes secrets from alert text before any channel sees it. Two layers: every configured secret value
 * (API key and secret, bot token, SMTP password, webhook credentials, JWT key) is replaced wherever it
 * appears, and text shaped like a secret is masked even when its value is unknown (name=value pairs as in
 * the log layout, Telegram bot tokens, bearer tokens, JWTs, 64-character Binance keys).
 */
public final class SecretSanitizer {

    static final String MASK = "***";
    /** Shorter values would mask ordinary words; secrets that short are refused at configuration. */
    static final int MIN_SECRET_LENGTH = 6;

    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("\\b\\d{5,12}:[A-Za-z0-9_-]{30,}"),                        // Telegram bot token
            Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]+"),                    // Authorization values
            Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"), // JWT
            Pattern.compile("\\b[A-Za-z0-9]{64}\\b"));                                  // Binance API key / secret

    private final List<String> secrets;

    public SecretSanitizer(Collection<String> knownSecrets) {
        this.secrets = knownSecrets.stream()
                .filter(Objects::nonNull)
                .filter(s -> !s.isBlank())
                .peek(s -> {
                    if (s.length() < MIN_SECRET_LENGTH) {
                        throw new IllegalArgumentException("a secret shorter than " + MIN_SECRET_LENGTH
                                + " characters cannot be masked reliably; use a longer one");
                    }
                })
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()) // longest first: a secret may contain another
                .toList();
    }

    public String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        for (Pattern shape : SHAPES) {
            out = shape.matcher(out).replaceAll(MASK);
        }
        return SecretMaskingConverter.mask(out);
    }

    /** Cleans title and body, then cuts an over-long body: cutting first could leave half a secret unrecognised. */
    public Alert clean(Alert alert) {
        String body = clean(alert.body());
        if (body.length() > Alert.MAX_BODY) {
            body = body.substring(0, Alert.MAX_BODY - 1) + "…";
        }
        return alert.withText(clean(alert.title()), body);
    }
}
