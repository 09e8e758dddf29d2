package com.signward.idserver;

/**
 * Base class of every exception the SDK throws. Unchecked. Messages never contain a token, an
 * authorization code or a secret.
 */
public class SignwardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public SignwardException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying failure (never a JOSE library exception, whose messages may carry tokens)
     */
    public SignwardException(String message, Throwable cause) {
        super(message, cause);
    }
}
