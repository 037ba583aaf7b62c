package io.tradeguard.binance.rest;

/**
 * A request exactly as it went onto the wire, for observers that verify what was sent (tests, audits).
 * It holds the signature, so it is never logged.
 */
public record SentRequest(String method, String path, String query, String body) {

    /** Method and path only: the parameters carry the signature. */
    @Override
    public String toString() {
        return "SentRequest[" + method + " " + path + "]";
    }
}
