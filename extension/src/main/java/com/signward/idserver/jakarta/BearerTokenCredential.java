package com.signward.idserver.jakarta;

import com.signward.idserver.SignwardUser;
import jakarta.security.enterprise.credential.Credential;

/**
 * A bearer access token presented by the caller. Created per request by the mechanism and confined to that
 * request's thread; the identity store records on it why the token was rejected, because
 * {@code IdentityStoreHandler} reduces every failure to a bare {@code INVALID_RESULT}.
 */
public final class BearerTokenCredential implements Credential {

    private final String token;
    private SignwardUser user;
    private String rejection;
    private boolean unavailable;

    public BearerTokenCredential(String token) {
        this.token = token;
    }

    /** The raw token. Never log it. */
    public String token() {
        return token;
    }

    /** The validated user, once the identity store accepted the token. */
    public SignwardUser user() {
        return user;
    }

    /** Why the token was rejected (names the rule), or {@code null}. */
    public String rejection() {
        return rejection;
    }

    /** The token could not be checked because Signward was unreachable. */
    public boolean unavailable() {
        return unavailable;
    }

    void accepted(SignwardUser validated) {
        this.user = validated;
    }

    void rejected(String reason, boolean providerUnavailable) {
        this.rejection = reason;
        this.unavailable = providerUnavailable;
    }

    @Override
    public void clear() {
        // the token is an immutable String; nothing to wipe
    }

    @Override
    public String toString() {
        return "BearerTokenCredential[token=<redacted>]";
    }
}
