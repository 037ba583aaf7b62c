package io.tradeguard.sim;

import java.util.Objects;

/** An account's API key and HMAC secret, as a test or client uses them. */
public record SimAccount(String apiKey, String secretKey) {
    public SimAccount {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    @Override
    public String toString() {
        return "SimAccount[apiKey=" + apiKey + ", secretKey=***]";
    }
}
