package com.signward.idserver.web;

/**
 * A login step failed. The message is safe to show to the browser (no token, code or secret); the
 * {@link #detail()} names the exact rule for the log. Never carries a cause: library exceptions may hold
 * token contents.
 */
final class LoginException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String detail;

    /**
     * @param status  HTTP status to answer with (400 for a bad or forged response, 502 when Signward failed)
     * @param error   a short OAuth-style code for JSON answers, e.g. {@code invalid_request}
     * @param message what the browser is told
     * @param detail  what the log is told (may equal the message); never a token, code or secret
     */
    LoginException(int status, String error, String message, String detail) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.detail = detail;
    }

    static LoginException badRequest(String message) {
        return new LoginException(400, "invalid_request", message, message);
    }

    static LoginException crossSite(String reason) {
        return new LoginException(403, "cross_site_request", reason, reason);
    }

    static LoginException rejectedIdToken(String rule) {
        return new LoginException(400, "invalid_id_token", "login failed: the ID token was rejected",
                "ID token rejected: " + rule);
    }

    static LoginException unavailable(String message, String detail) {
        return new LoginException(502, "temporarily_unavailable", message, detail);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    String detail() {
        return detail;
    }
}
