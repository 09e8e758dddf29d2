package com.signward.idserver;

/** The userinfo endpoint could not be reached or did not answer with the user's claims. */
public final class UserInfoException extends SignwardException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;

    /**
     * @param message    what went wrong
     * @param statusCode the HTTP status, or 0 when no response was received
     */
    public UserInfoException(String message, int statusCode) {
        super(message);
        this.statusCode = statusCode;
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying I/O failure
     */
    public UserInfoException(String message, Throwable cause) {
        super(message, cause);
        this.statusCode = 0;
    }

    /** @return the HTTP status of the userinfo response (401 typically means an expired token), or 0 when none */
    public int statusCode() {
        return statusCode;
    }
}
