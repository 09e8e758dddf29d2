package com.signward.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads (without verifying) a JWT's header and claims, to see what a downstream service received. */
public final class JwtClaims {

    private JwtClaims() {
    }

    /** The claims of a compact JWS, or of {@code Bearer <jws>}. */
    public static JsonObject claims(String token) {
        return part(token, 1);
    }

    /** The JOSE header. */
    public static JsonObject header(String token) {
        return part(token, 0);
    }

    private static JsonObject part(String token, int index) {
        String jws = token.startsWith("Bearer ") ? token.substring("Bearer ".length()) : token;
        String json = new String(Base64.getUrlDecoder().decode(jws.split("\\.")[index]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
