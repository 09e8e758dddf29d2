package com.signward.idserver.token;

import jakarta.json.JsonObject;

/** STUB (to be implemented): validates JWS access tokens against a {@link JwksKeySource}. Thread-safe. */
public final class TokenValidator {

    public TokenValidator(JwksKeySource keys, ValidationSettings settings) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Validates signature and claims.
     *
     * @param token            the compact JWS
     * @param expectedIssuer   exact {@code iss}
     * @param expectedAudience a value {@code aud} must contain
     * @return the verified claims (the JWT payload)
     * @throws TokenRejectedException naming the rule that failed
     */
    public JsonObject validate(String token, String expectedIssuer, String expectedAudience)
            throws TokenRejectedException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
