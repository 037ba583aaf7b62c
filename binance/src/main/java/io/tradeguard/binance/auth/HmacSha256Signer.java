package io.tradeguard.binance.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** HMAC-SHA256 with the API secret, lower-case hex (Binance's default key type). */
public final class HmacSha256Signer implements RequestSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private final Mac prototype;
    /** an initialised Mac not in use, or null: a signer used by one thread at a time clones only once */
    private final java.util.concurrent.atomic.AtomicReference<Mac> spare = new java.util.concurrent.atomic.AtomicReference<>();

    public HmacSha256Signer(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the API secret is missing");
        }
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    @Override
    public String sign(byte[] payload) {
        Mac mac = spare.getAndSet(null);
        if (mac == null) {
            mac = mac();
        }
        byte[] signature = mac.doFinal(payload); // doFinal resets the Mac to its initialised key
        spare.set(mac); // not returned when doFinal threw: a Mac in an unknown state is dropped
        return HexFormat.of().formatHex(signature);
    }

    /**
     * Mac is not thread-safe; a clone of the initialised prototype avoids re-deriving the key per call. Callers on
     * several threads at once each get their own: {@link #spare} holds at most one, taken by one caller at a time.
     */
    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 cannot be cloned", e);
        }
    }

    @Override
    public String toString() {
        return "HmacSha256Signer[secret=***]";
    }

}
