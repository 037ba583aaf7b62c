package io.tradeguard.sim.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** How an API key proves a request (binance-api.md §2.2-§2.4): HMAC-SHA256 hex, or Ed25519 base64. */
public sealed interface Credential {

    boolean verify(String payload, String signature);

    record Hmac(String secret) implements Credential {
        public Hmac {
            Objects.requireNonNull(secret, "secret");
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("empty secret");
            }
        }

        public String sign(String payload) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }

        /** Hex digests compare case-insensitively, in constant time. */
        @Override
        public boolean verify(String payload, String signature) {
            if (signature == null || signature.length() != 64) {
                return false;
            }
            byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
            byte[] given = signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, given);
        }

        @Override
        public String toString() {
            return "Hmac[secret=***]";
        }
    }

    record Ed25519(PublicKey key) implements Credential {
        public Ed25519 {
            Objects.requireNonNull(key, "key");
        }

        /** From a PEM "PUBLIC KEY" block (X.509 SubjectPublicKeyInfo). */
        public static Ed25519 fromPem(String pem) {
            String b64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            try {
                return new Ed25519(KeyFactory.getInstance("Ed25519").generatePublic(
                        new X509EncodedKeySpec(Base64.getDecoder().decode(b64))));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalArgumentException("not an Ed25519 public key in PEM form", e);
            }
        }

        @Override
        public boolean verify(String payload, String signature) {
            if (signature == null) {
                return false;
            }
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(key);
                s.update(payload.getBytes(StandardCharsets.UTF_8));
                return s.verify(Base64.getDecoder().decode(signature));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
