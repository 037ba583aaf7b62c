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
        return HexFormat.of().formatHex(mac().doFinal(payload));
    }

    /** Mac is not thread-safe; a clone of the initialised prototype avoids re-deriving the key per call. */
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
