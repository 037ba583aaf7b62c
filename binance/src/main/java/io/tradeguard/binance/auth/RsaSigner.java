package io.tradeguard.binance.auth;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** RSASSA-PKCS1-v1_5 with SHA-256, base64 (Binance's RSA key type; PSS is not accepted). */
public final class RsaSigner implements RequestSigner {
    private final PrivateKey key;

    public RsaSigner(PrivateKey key) {
        if (key == null || !"RSA".equalsIgnoreCase(key.getAlgorithm())) {
            throw new IllegalArgumentException("an RSA private key is needed");
        }
        this.key = key;
    }

    public static RsaSigner fromPem(String pem) {
        return new RsaSigner(PrivateKeys.pkcs8(pem, "RSA"));
    }

    @Override
    public String sign(byte[] payload) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(payload);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "RsaSigner[key=***]";
    }
}
