package io.tradeguard.binance.auth;

import java.nio.charset.StandardCharsets;

/**
 * Signs the exact payload Binance verifies: for REST the percent-encoded query followed by the body, for
 * the WebSocket API the sorted {@code k=v&…} of the params. The key type decides the algorithm.
 */
public sealed interface RequestSigner permits HmacSha256Signer, Ed25519Signer, RsaSigner {

    /** The signature as Binance reads it: lower-case hex for HMAC, base64 for Ed25519 and RSA (not URL-encoded). */
    String sign(byte[] payload);

    default String sign(String payload) {
        return sign(payload.getBytes(StandardCharsets.UTF_8));
    }
}
