package com.signward.idserver.internal.jwt;

/**
 * No signing key could be served (the JWKS was never loaded, or the last good keys are older than max-stale):
 * a server-side problem, not a bad token. The message never contains key material.
 */
public final class KeysUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public KeysUnavailableException(String message) {
        super(message, null, false, false);
    }
}
