package com.signward.idserver.internal.jwt;

import java.security.Key;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Crafts signed tokens with jose4j, with times taken from the test clock. */
final class TestTokens {
    static final String ISSUER = "https://id.example.test";
    static final String AUDIENCE = "idserver-api";

    private final Clock clock;

    TestTokens(Clock clock) {
        this.clock = clock;
    }

    Builder token() {
        return new Builder();
    }

    final class Builder {
        private final JwtClaims claims = new JwtClaims();
        private final Map<String, Object> headers = new LinkedHashMap<>();
        private String alg;
        private String kid;
        private boolean noKid;
        private boolean critical;

        private Builder() {
            long now = clock.instant().getEpochSecond();
            claims.setIssuer(ISSUER);
            claims.setAudience(AUDIENCE);
            claims.setSubject(UUID.randomUUID().toString());
            claims.setIssuedAt(NumericDate.fromSeconds(now));
            claims.setExpirationTime(NumericDate.fromSeconds(now + 300));
            claims.setJwtId(UUID.randomUUID().toString());
        }

        Builder alg(String value) {
            alg = value;
            return this;
        }

        Builder kid(String value) {
            kid = value;
            return this;
        }

        Builder noKid() {
            noKid = true;
            return this;
        }

        Builder claim(String name, Object value) {
            claims.setClaim(name, value);
            return this;
        }

        Builder without(String claim) {
            claims.unsetClaim(claim);
            return this;
        }

        /** Sets a claim to now + offset seconds on the test clock. */
        Builder time(String claim, long offsetSeconds) {
            claims.setClaim(claim, clock.instant().getEpochSecond() + offsetSeconds);
            return this;
        }

        Builder header(String name, Object value) {
            headers.put(name, value);
            return this;
        }

        Builder critical(String name, Object value) {
            headers.put(name, value);
            critical = true;
            return this;
        }

        String signWith(JsonWebKey jwk) {
            Key key = jwk instanceof PublicJsonWebKey pair ? pair.getPrivateKey() : jwk.getKey();
            return signWith(key, alg != null ? alg : defaultAlg(jwk), noKid ? null : kid != null ? kid : jwk.getKeyId());
        }

        String signWith(Key key, String algorithm, String keyId) {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(algorithm);
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            jws.setDoKeyValidation(false);
            if (keyId != null) {
                jws.setKeyIdHeaderValue(keyId);
            }
            headers.forEach(jws.getHeaders()::setObjectHeaderValue);
            if (critical) {
                jws.setCriticalHeaderNames(headers.keySet().toArray(String[]::new));
            }
            jws.setKey(key);
            try {
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The token with its header replaced (the signature no longer matches). */
    static String withHeader(String token, String headerJson) {
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(headerJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return header + token.substring(token.indexOf('.'));
    }

    static String defaultAlg(JsonWebKey jwk) {
        return switch (jwk.getKeyType()) {
            case "RSA" -> "RS256";
            case "EC" -> "ES256";
            case "OKP" -> "EdDSA";
            case "oct" -> "HS256";
            default -> throw new IllegalArgumentException(jwk.getKeyType());
        };
    }
}
