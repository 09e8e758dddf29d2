package com.signward.idserver;

/**
 * A token was rejected by local validation. The message names the rule that failed; it never
 * contains the token or its claims, and no JOSE library exception is chained as its cause.
 */
public final class InvalidTokenException extends SignwardException {
    private static final long serialVersionUID = 1L;

    /** @param message the rule that failed */
    public InvalidTokenException(String message) {
        super(message);
    }
}
