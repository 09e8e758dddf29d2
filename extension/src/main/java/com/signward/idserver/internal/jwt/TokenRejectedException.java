package com.signward.idserver.internal.jwt;

/**
 * A token failed a validation rule. The message names the rule and never contains the token or its claims; no
 * library exception is ever chained as its cause.
 */
public final class TokenRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public TokenRejectedException(String message) {
        super(message, null, false, false);
    }
}
