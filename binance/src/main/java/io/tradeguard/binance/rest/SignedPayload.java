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
        if (body.isEmpty()) {
            return new SignedPayload(join(query, "signature=" + signature), "");
        }
        return new SignedPayload(query, join(body, "signature=" + signature));
    }

    public static SignedPayload unsigned(String query, String body) {
        return new SignedPayload(query, body);
    }

    private static String join(String head, String tail) {
        return head.isEmpty() ? tail : head + "&" + tail;
    }
}
