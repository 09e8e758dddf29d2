package com.signward.idserver.internal.oidc;

/**
 * A call to the provider failed. The public client translates it into its own exception family; the browser login
 * into a login error. The message never contains a token, a code or a secret.
 */
public final class ProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which step failed. */
    public enum Kind {
        /** The discovery document could not be fetched, parsed or trusted. */
        DISCOVERY,
        /** The token or revocation endpoint answered with an error. */
        TOKEN,
        /** The userinfo endpoint failed or refused. */
        USERINFO,
        /** The provider could not be reached (token or revocation endpoint). */
        TRANSPORT
    }

    private final Kind kind;
    private final String error;
    private final String description;
    private final int status;

    ProviderException(Kind kind, String message, String error, String description, int status, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.error = error;
        this.description = description;
        this.status = status;
    }

    static ProviderException discovery(String message, Throwable cause) {
        return new ProviderException(Kind.DISCOVERY, message, null, null, 0, cause);
    }

    static ProviderException tokenError(String error, String description, int status) {
        String message = error == null ? "HTTP " + status + " without an OAuth error"
                : "OAuth error " + error + " (HTTP " + status + ")";
        return new ProviderException(Kind.TOKEN, message, error, description, status, null);
    }

    static ProviderException userinfo(String message, int status, Throwable cause) {
        return new ProviderException(Kind.USERINFO, message, null, null, status, cause);
    }

    static ProviderException transport(String message, Throwable cause) {
        return new ProviderException(Kind.TRANSPORT, message, null, null, 0, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** @return the OAuth error code, or {@code null} */
    public String error() {
        return error;
    }

    /** @return the OAuth {@code error_description} (may echo request values: never logged), or {@code null} */
    public String description() {
        return description;
    }

    /** @return the HTTP status, or 0 when no response was received */
    public int status() {
        return status;
    }
}
