package com.signward.idserver.web;

import com.signward.idserver.SignwardOptions;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One login attempt in progress, kept in the HTTP session until its callback arrives.
 *
 * @param state        the {@code state} sent to Signward (256 random bits); the key of the attempt
 * @param nonce        the {@code nonce} the ID token must echo
 * @param codeVerifier the PKCE verifier
 * @param redirectUri  the exact redirect URI sent, used again for the code exchange
 * @param target       where to go after login: a checked path within the application
 * @param createdAt    when the attempt started
 * @param tenant       the tenant configuration the attempt started with: the one that completes it
 */
record PendingLogin(String state, String nonce, String codeVerifier, String redirectUri, String target,
                    Instant createdAt, String tenant) implements Serializable {

    /** An attempt of the default configuration. */
    PendingLogin(String state, String nonce, String codeVerifier, String redirectUri, String target,
                 Instant createdAt) {
        this(state, nonce, codeVerifier, redirectUri, target, createdAt, SignwardOptions.DEFAULT_TENANT);
    }

    PendingLogin {
        tenant = tenant == null ? SignwardOptions.DEFAULT_TENANT : tenant;
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Never prints the state, the nonce or the verifier. */
    @Override
    public String toString() {
        return "PendingLogin[tenant=" + tenant + ", target=" + target + ", createdAt=" + createdAt + "]";
    }
}
