package io.tradeguard.binance.rest;

import io.tradeguard.binance.auth.RequestSigner;

/**
 * The bytes of one signed REST request: the query and the body as they will be sent, and the signature
 * over their concatenation (Binance's {@code totalParams}: query then body, no separator). The signature
 * goes last, into the body when there is one, else into the query.
 */
public record SignedPayload(String query, String body) {

    public static SignedPayload sign(String query, String body, RequestSigner signer) {
        String signature = Params.encode(signer.sign(query.isEmpty() ? body : query + body));
        // each part joined in one concatenation: the body of every order is copied once here, not twice
        if (body.isEmpty()) {
            return new SignedPayload(query.isEmpty() ? "signature=" + signature : query + "&signature=" + signature, "");
        }
        return new SignedPayload(query, body + "&signature=" + signature);
    }

    public static SignedPayload unsigned(String query, String body) {
        return new SignedPayload(query, body);
    }
}
