package com.signward.idserver.token;

/**
 * A token failed a validation rule. The message names the rule and never contains the token or
 * its claims; the JOSE library's exception is never chained as a cause.
 */
public final class TokenRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public TokenRejectedException(String message) {
        super(message, null, false, false);
    }
}
