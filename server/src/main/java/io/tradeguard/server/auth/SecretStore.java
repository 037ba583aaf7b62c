package io.tradeguard.server.auth;

/**
 * Server-side keys (the JWT signing key, the confirmation-token key), generated on first use and then
 * kept, so tokens stay valid across restarts. Implementations must return the same bytes for a name
 * every time.
 */
public interface SecretStore {
    /**
     * The secret called {@code name}, created with {@code length} random bytes if it does not exist yet.
     */
    byte[] getOrCreate(String name, int length);
}
