package com.signward.idserver.jakarta.internal;

/** A configuration value is missing or does not parse; the message names the key. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(ConfigKey key, String problem) {
        this(key.key() + ": " + problem);
    }

    ConfigException(String message) {
        super(message);
    }
}
