package com.signward.idserver.internal.oidc;

/** For tests of other packages: the internal provider failures, as the endpoints raise them. */
public final class ProviderFailures {

    private ProviderFailures() {
    }

    /** The token endpoint answered with an OAuth error. */
    public static ProviderException tokenError(String error, String description, int status) {
        return ProviderException.tokenError(error, description, status);
    }

    /** The provider could not be reached. */
    public static ProviderException transport(String message) {
        return ProviderException.transport(message, null);
    }

    /** Discovery failed with this message (as {@code Discovery} and {@code ProviderMetadata} word it). */
    public static ProviderException discovery(String message) {
        return ProviderException.discovery(message, null);
    }
}
