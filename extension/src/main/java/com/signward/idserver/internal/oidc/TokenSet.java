package com.signward.idserver.internal.oidc;

import java.io.Serializable;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A successful token response, read once. Immutable and serializable; {@link #toString()} never prints a token.
 *
 * @param expiresIn the access token lifetime in seconds, 0 when the server did not say
 * @param rawJson   the whole response as sent
 */
public record TokenSet(String accessToken, String tokenType, long expiresIn, String refreshToken, String idToken,
                       String scope, String rawJson) implements Serializable {

    /** @throws ProviderException when the response has no access token */
    static TokenSet from(JsonObject json, int status) {
        String accessToken = JsonBodies.string(json, "access_token");
        if (accessToken == null || accessToken.isEmpty()) {
            throw ProviderException.tokenError(null, "the token response has no access_token", status);
        }
        return new TokenSet(accessToken, JsonBodies.string(json, "token_type"), seconds(json.get("expires_in")),
                JsonBodies.string(json, "refresh_token"), JsonBodies.string(json, "id_token"),
                JsonBodies.string(json, "scope"), json.toString());
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

    @Override
    public String toString() {
        return "TokenSet[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scope=" + scope
                + ", refreshToken=" + (refreshToken != null ? "present" : "absent")
                + ", idToken=" + (idToken != null ? "present" : "absent") + "]";
    }
}
