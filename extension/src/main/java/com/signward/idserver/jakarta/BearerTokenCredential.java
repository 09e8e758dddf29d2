package com.signward.idserver.jakarta;

import jakarta.security.enterprise.credential.Credential;

import java.util.Objects;

/**
 * A bearer access token presented by a caller, for {@code IdentityStoreHandler.validate}: Signward's identity store
 * validates it locally and answers a {@link SignwardPrincipal} with the caller's roles as groups. Immutable.
 */
public final class BearerTokenCredential implements Credential {

    private final String token;

    /** @param token the compact JWS access token */
    public BearerTokenCredential(String token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    /** @return the raw token. Never log it. */
    public String token() {
        return token;
    }

    @Override
    public String toString() {
        return "BearerTokenCredential[token=<redacted>]";
    }
}
