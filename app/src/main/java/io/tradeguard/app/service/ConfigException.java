package io.tradeguard.app.service;

/** The configuration cannot be used; the message names the key, the value and the rule, for a person. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
