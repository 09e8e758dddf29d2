package com.signward.idserver;

import com.signward.idserver.internal.oidc.JsonBodies;
import com.signward.idserver.internal.oidc.TokenSet;
import jakarta.json.JsonObject;

import java.io.Serializable;

/**
 * A successful token endpoint response. Immutable and {@link Serializable} (so it can live in an HTTP
 * session); {@link #toString()} never prints a token.
 */
public final class TokenResponse implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String accessToken;
    private final String tokenType;
    private final long expiresIn;
    private final String refreshToken;
    private final String idToken;
    private final String scope;
    private final String rawJson;
    private transient volatile JsonObject raw;

    TokenResponse(TokenSet tokens) {
        this.accessToken = tokens.accessToken();
        this.tokenType = tokens.tokenType();
        this.expiresIn = tokens.expiresIn();
        this.refreshToken = tokens.refreshToken();
        this.idToken = tokens.idToken();
        this.scope = tokens.scope();
        this.rawJson = tokens.rawJson();
    }

    /** @return the access token */
    public String accessToken() {
        return accessToken;
    }

    /** @return the token type, usually {@code Bearer}, or {@code null} */
    public String tokenType() {
        return tokenType;
    }

    /** @return the access token lifetime in seconds, 0 when the server did not say */
    public long expiresIn() {
        return expiresIn;
    }

    /** @return the refresh token, or {@code null} */
    public String refreshToken() {
        return refreshToken;
    }

    /** @return the ID token, or {@code null} */
    public String idToken() {
        return idToken;
    }

    /** @return the granted scopes (space-separated), or {@code null} */
    public String scope() {
        return scope;
    }

    /** @return the whole response as sent by the server */
    public JsonObject raw() {
        JsonObject result = raw;
        if (result == null) {
            result = JsonBodies.parseObject(rawJson);
            raw = result;
        }
        return result;
    }

    /** Shows which tokens are present, never their values. */
    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scope=" + scope
                + ", refreshToken=" + (refreshToken != null ? "present" : "absent")
                + ", idToken=" + (idToken != null ? "present" : "absent") + "]";
    }
}
