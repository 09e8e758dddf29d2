package com.signward.idserver;

/**
 * The token endpoint (or the revocation endpoint) refused a request, typically with an OAuth error
 * response ({@code {"error": "...", "error_description": "..."}}).
 *
 * <p>The message holds only the OAuth error code and the HTTP status: the server's description can
 * echo request values, so it is available through {@link #description()} but never put in the message.
 */
public final class TokenExchangeException extends SignwardException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final String description;
    private final int statusCode;

    /**
     * @param error       the OAuth {@code error} code, or {@code null} when the server sent none
     * @param description the OAuth {@code error_description}, or {@code null}
     * @param statusCode  the HTTP status of the response
     */
    public TokenExchangeException(String error, String description, int statusCode) {
        super(message(error, statusCode));
        this.error = error;
        this.description = description;
        this.statusCode = statusCode;
    }

    private static String message(String error, int statusCode) {
        return error == null
                ? "HTTP " + statusCode + " without an OAuth error"
                : "OAuth error " + error + " (HTTP " + statusCode + ")";
    }

    /** @return the OAuth error code (for example {@code invalid_grant}), or {@code null} when the server sent none */
    public String error() {
        return error;
    }

    /** @return the OAuth {@code error_description}, or {@code null} */
    public String description() {
        return description;
    }

    /** @return the HTTP status of the response */
    public int statusCode() {
        return statusCode;
    }
}
