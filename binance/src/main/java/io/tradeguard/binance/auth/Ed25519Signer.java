package io.tradeguard.binance.auth;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** Ed25519 over the payload, base64 (Binance's recommended key type; required for WS-API session logon). */
public final class Ed25519Signer implements RequestSigner {
    /**
     * initSign derives the public key (a scalar multiplication, half the cost of a signature), and a
     * Signature returns to its initialised state after each sign: so one is kept and shared under a lock.
     */
    private final Signature initialised;

    public Ed25519Signer(PrivateKey key) {
        if (key == null || !("Ed25519".equalsIgnoreCase(key.getAlgorithm()) || "EdDSA".equalsIgnoreCase(key.getAlgorithm()))) {
            throw new IllegalArgumentException("an Ed25519 private key is needed");
        }
        try {
            this.initialised = Signature.getInstance("Ed25519");
            initialised.initSign(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the Ed25519 key cannot sign: " + e.getClass().getSimpleName());
        }
    }

    /** From a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), as Binance's key generator writes it. */
    public static Ed25519Signer fromPem(String pem) {
        return new Ed25519Signer(PrivateKeys.pkcs8(pem, "Ed25519"));
    }

    @Override
    public String sign(byte[] payload) {
        try {
            byte[] signature;
            synchronized (initialised) {
                initialised.update(payload);
                signature = initialised.sign();
            }
            return Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "Ed25519Signer[key=***]";
    }
}
