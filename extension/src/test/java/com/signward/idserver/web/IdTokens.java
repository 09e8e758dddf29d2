package com.signward.idserver.web;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Instant;
import java.util.List;

/** Crafts ID tokens with jose4j. */
final class IdTokens {

    private final JwtClaims claims = new JwtClaims();

    private IdTokens(String issuer) {
        long now = Instant.now().getEpochSecond();
        claims.setIssuer(issuer);
        claims.setAudience(FakeProvider.CLIENT_ID);
        claims.setSubject("3f2a3c5e-8d1b-4c1e-9b7a-0d6c2e1f4a5b");
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(now));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(now + 300));
        claims.setClaim("nonce", "the-nonce");
        claims.setClaim("email", "ada@example.com");
        claims.setClaim("roles", List.of("user"));
    }

    static IdTokens idToken(String issuer) {
        return new IdTokens(issuer);
    }

    IdTokens claim(String name, Object value) {
        claims.setClaim(name, value);
        return this;
    }

    IdTokens without(String name) {
        claims.unsetClaim(name);
        return this;
    }

    IdTokens audience(String... audiences) {
        claims.setAudience(audiences);
        return this;
    }

    /** Sets a time claim to now + offset seconds. */
    IdTokens time(String name, long offsetSeconds) {
        claims.setClaim(name, Instant.now().getEpochSecond() + offsetSeconds);
        return this;
    }

    String rs256() {
        return sign(FakeProvider.KEY.getPrivateKey(), "RS256", FakeProvider.KEY.getKeyId());
    }

    String rs256WithOtherKey() {
        return sign(FakeProvider.OTHER_KEY.getPrivateKey(), "RS256", FakeProvider.OTHER_KEY.getKeyId());
    }

    String hmac(String algorithm, String secret) {
        return sign(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)), algorithm, null);
    }

    String unsigned() {
        return sign(null, "none", null);
    }

    private String sign(Key key, String algorithm, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setDoKeyValidation(false);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        if (key != null) {
            jws.setKey(key);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
