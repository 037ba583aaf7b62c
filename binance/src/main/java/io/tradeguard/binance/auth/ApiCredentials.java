package io.tradeguard.binance.auth;

import java.util.Objects;

/** The API key (sent as X-MBX-APIKEY) and the signer holding the secret. Never printed. */
public record ApiCredentials(String apiKey, RequestSigner signer) {
    public ApiCredentials {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the API key is missing");
        }
        Objects.requireNonNull(signer, "signer");
    }

    public static ApiCredentials hmac(String apiKey, String secret) {
        return new ApiCredentials(apiKey, new HmacSha256Signer(secret));
    }

    @Override
    public String toString() {
        return "ApiCredentials[apiKey=***, signer=" + signer + "]";
    }
}
