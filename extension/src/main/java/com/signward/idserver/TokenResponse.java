package com.signward.idserver;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

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

    private TokenResponse(JsonObject json) {
        this.accessToken = JsonBodies.string(json, "access_token");
        this.tokenType = JsonBodies.string(json, "token_type");
        this.expiresIn = seconds(json.get("expires_in"));
        this.refreshToken = JsonBodies.string(json, "refresh_token");
        this.idToken = JsonBodies.string(json, "id_token");
        this.scope = JsonBodies.string(json, "scope");
        this.rawJson = json.toString();
        this.raw = json;
    }

    /** @throws TokenExchangeException when the response has no access token */
    static TokenResponse from(JsonObject json, int statusCode) {
        TokenResponse response = new TokenResponse(json);
        if (response.accessToken == null || response.accessToken.isEmpty()) {
            throw new TokenExchangeException(null, "the token response has no access_token", statusCode);
        }
        return response;
    }

    private static long seconds(JsonValue v) {
        if (v instanceof JsonNumber n) {
            return Math.max(0, n.longValue());
        }
        if (v instanceof JsonString s) {
            try {
                return Math.max(0, Long.parseLong(s.getString().strip()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
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
