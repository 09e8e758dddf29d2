package com.signward.idserver;

/**
 * The OpenID Connect discovery document could not be fetched, parsed or trusted
 * (for example an {@code issuer mismatch}).
 */
public final class DiscoveryException extends SignwardException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public DiscoveryException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying I/O or parsing failure
     */
    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
