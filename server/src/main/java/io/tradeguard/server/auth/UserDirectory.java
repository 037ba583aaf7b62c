package io.tradeguard.server.auth;

import java.util.Optional;

/**
 * Where users live. The server ships {@link FileUserDirectory}; the store module provides a JDBC one.
 * Implementations must be safe for concurrent use.
 */
public interface UserDirectory {
    Optional<User> find(Username username);

    /** Adds the user, or replaces the one with the same name. */
    void save(User user);

    boolean isEmpty();
}
