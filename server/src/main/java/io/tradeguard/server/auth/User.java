package io.tradeguard.server.auth;

import java.util.Objects;

/**
 * A user as the directory stores it.
 *
 * @param passwordHash an Argon2id hash in PHC string form ({@code $argon2id$v=19$m=…}); never the password
 */
public record User(Username username, Role role, String passwordHash) {
    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        if (passwordHash == null || !passwordHash.startsWith("$argon2id$")) {
            throw new IllegalArgumentException("a user's password must be stored as an Argon2id hash");
        }
    }

    /** The hash stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "User[" + username + ", " + role.wireName() + "]";
    }
}
