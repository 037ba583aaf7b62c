package io.tradeguard.server.http;

import io.tradeguard.server.auth.Role;

import java.util.Optional;

/** Who may call a route: anyone, or a bearer of a valid token with at least a role. */
public enum Access {
    PUBLIC, VIEWER, TRADER, ADMIN;

    public Optional<Role> requiredRole() {
        return switch (this) {
            case PUBLIC -> Optional.empty();
            case VIEWER -> Optional.of(Role.VIEWER);
            case TRADER -> Optional.of(Role.TRADER);
            case ADMIN -> Optional.of(Role.ADMIN);
        };
    }
}
