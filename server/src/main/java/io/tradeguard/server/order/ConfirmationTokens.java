package io.tradeguard.server.order;

import io.tradeguard.server.auth.Username;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-use tokens of the two-step order: a preview issues one bound to the exact order (its
 * {@link OrderIntent#canonical() canonical form}) and the user; placing redeems it. A token is
 * {@code v1.<payload>.<HMAC-SHA256>}, where the payload holds a random id, the user, the expiry and
 * the order's SHA-256 — no order details a log could leak.
 *
 * <p>Answers (see {@link Redemption}): forged or garbled → 400; another user's token → 403; order
 * changed since the preview → 409 {@code confirmation_order_mismatch}; already used → 409
 * {@code confirmation_token_used}; expired → 409 {@code confirmation_token_expired}. Expiry is a 409,
 * not a 410, so that every "preview again" case has the same status. A token is consumed only by a
 * redemption that succeeds.
 */
public final class ConfirmationTokens {
    private static final String VERSION = "v1";
    private static final int MAX_TOKEN_LENGTH = 512;

    private final SecretKeySpec key;
    private final InstantSource clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();
    /** ids of redeemed tokens → expiry; an id can be forgotten once its token has expired anyway. */
    private final Map<String, Instant> used = new ConcurrentHashMap<>();

    public ConfirmationTokens(byte[] key, InstantSource clock, Duration ttl) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the confirmation key needs at least 256 bits");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = ttl;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(Username user, OrderIntent order) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        Instant expiresAt = clock.instant().plus(ttl);
        String payload = HexFormat.of().formatHex(id) + "|" + user.value() + "|" + expiresAt.toEpochMilli() + "|" + digest(order);
        String encoded = b64(payload.getBytes(StandardCharsets.UTF_8));
        return new Issued(VERSION + "." + encoded + "." + b64(mac(VERSION + "." + encoded)), expiresAt);
    }

    /** The outcome of presenting a token with an order. */
    public sealed interface Redemption {
        record Accepted() implements Redemption {
        }

        record Invalid() implements Redemption {
        }

        record WrongUser() implements Redemption {
        }

        record OrderChanged() implements Redemption {
        }

        record AlreadyUsed() implements Redemption {
        }

        record Expired() implements Redemption {
        }
    }

    public Redemption redeem(String token, Username user, OrderIntent order) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return new Redemption.Invalid();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            return new Redemption.Invalid();
        }
        String[] fields;
        try {
            // compared as the canonical text, not as decoded bytes: base64's last character carries unused bits, so
            // a token altered there would decode to the same signature and still be accepted
            String expected = b64(mac(parts[0] + "." + parts[1]));
            if (!MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII))) {
                return new Redemption.Invalid();
            }
            fields = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            return new Redemption.Invalid();
        }
        if (fields.length != 4) {
            return new Redemption.Invalid();
        }
        Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(fields[2]));
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            return new Redemption.Expired();
        }
        if (!MessageDigest.isEqual(fields[1].getBytes(StandardCharsets.UTF_8), user.value().getBytes(StandardCharsets.UTF_8))) {
            return new Redemption.WrongUser();
        }
        if (!MessageDigest.isEqual(fields[3].getBytes(StandardCharsets.UTF_8), digest(order).getBytes(StandardCharsets.UTF_8))) {
            return new Redemption.OrderChanged();
        }
        used.values().removeIf(expiry -> expiry.isBefore(now));
        if (used.putIfAbsent(fields[0], expiresAt) != null) {
            return new Redemption.AlreadyUsed();
        }
        return new Redemption.Accepted();
    }

    private static String digest(OrderIntent order) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(order.canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
