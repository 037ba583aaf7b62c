package io.tradeguard.server.auth;

import java.util.Objects;

/** The authenticated caller of one request, as its access token states it. */
public record Principal(Username username, Role role) {
    public Principal {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }
}
