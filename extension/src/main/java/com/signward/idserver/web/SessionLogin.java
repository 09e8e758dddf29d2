package com.signward.idserver.web;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.internal.jwt.IdTokenFacts;
import com.signward.idserver.internal.oidc.Pkce;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one session attribute of a logged-in browser: tokens, the user and when the access token expires.
 * Immutable and serializable; a refresh replaces it with a new instance (with a new {@link #generation()}).
 * {@link #toString()} never prints a token.
 */
final class SessionLogin implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String accessToken;
    private final String refreshToken;
    private final String idToken;
    private final Instant expiresAt;
    private final SignwardUser user;
    private final IdTokenFacts idTokenFacts;
    private final Instant loggedInAt;
    private final String sid;
    private final String generation;

    /**
     * @param expiresAt  when the access token expires, or {@code null} when unknown
     * @param loggedInAt when the user logged in (kept across refreshes: {@code signward.session.max-age} counts from it)
     * @param sid        the ID token's {@code sid} (Signward's session id, named by back-channel logout), or {@code null}
     */
    SessionLogin(String accessToken, String refreshToken, String idToken, Instant expiresAt, SignwardUser user,
                 IdTokenFacts idTokenFacts, Instant loggedInAt, String sid) {
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.refreshToken = refreshToken;
        this.idToken = Objects.requireNonNull(idToken, "idToken");
        this.expiresAt = expiresAt;
        this.user = Objects.requireNonNull(user, "user");
        this.idTokenFacts = Objects.requireNonNull(idTokenFacts, "idTokenFacts");
        this.loggedInAt = Objects.requireNonNull(loggedInAt, "loggedInAt");
        this.sid = sid;
        this.generation = Pkce.newState();
    }

    String accessToken() {
        return accessToken;
    }

    /** @return the refresh token, or {@code null} */
    String refreshToken() {
        return refreshToken;
    }

    String idToken() {
        return idToken;
    }

    /** @return when the access token expires, or {@code null} when unknown */
    Instant expiresAt() {
        return expiresAt;
    }

    SignwardUser user() {
        return user;
    }

    IdTokenFacts idTokenFacts() {
        return idTokenFacts;
    }

    /** @return when the user logged in */
    Instant loggedInAt() {
        return loggedInAt;
    }

    /** @return the ID token's {@code sid}, or {@code null} */
    String sid() {
        return sid;
    }

    /** @return the user's {@code sub} */
    String subject() {
        return idTokenFacts.subject();
    }

    /** @return a random id of this instance: requests that saw the same instance share one refresh */
    String generation() {
        return generation;
    }

    /** @return whether the access token expires within {@code margin} of {@code now} (never when unknown) */
    boolean refreshDue(Instant now, Duration margin) {
        return expiresAt != null && !now.isBefore(expiresAt.minus(margin));
    }

    /** @return whether the access token has expired (never when unknown) */
    boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "SessionLogin[user=" + user + ", loggedInAt=" + loggedInAt + ", expiresAt=" + expiresAt
                + ", refreshToken=" + (refreshToken != null ? "present" : "absent") + "]";
    }
}
