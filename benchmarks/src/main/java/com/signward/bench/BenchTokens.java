package com.signward.bench;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** Signing keys and realistic Signward access tokens (about 700 characters), minted with jose4j. */
public final class BenchTokens {
    public static final String AUDIENCE = "idserver-api";

    private BenchTokens() {
    }

    /** @param alg RS256 (RSA 2048) or ES256 (P-256) */
    public static PublicJsonWebKey key(String alg, String kid) {
        try {
            PublicJsonWebKey key = switch (alg) {
                case "RS256" -> RsaJwkGenerator.generateJwk(2048);
                case "ES256" -> EcJwkGenerator.generateJwk(EllipticCurves.P256);
                default -> throw new IllegalArgumentException("unsupported algorithm " + alg);
            };
            key.setKeyId(kid);
            key.setAlgorithm(alg);
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token like Signward's: user and tenant UUIDs, e-mail, names, built-in and custom roles (also as groups). */
    public static String mint(PublicJsonWebKey key, String issuer, UUID user, long lifetimeSeconds) {
        long now = Instant.now().getEpochSecond();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(AUDIENCE);
        claims.setSubject(user.toString());
        claims.setClaim("email", "user-" + user.toString().substring(0, 8) + "@example.test");
        claims.setClaim("email_verified", true);
        claims.setClaim("name", "Bench User");
        claims.setClaim("given_name", "Bench");
        claims.setClaim("family_name", "User");
        claims.setClaim("tenant_id", "5f1d7c4e-2b1a-4c3d-9e8f-0a1b2c3d4e5f");
        claims.setClaim("roles", List.of("user"));
        claims.setClaim("custom_roles", List.of("reports-viewer"));
        claims.setClaim("groups", List.of("user")); // what MicroProfile JWT maps to roles
        claims.setClaim("scope", "openid profile email");
        claims.setClaim("client_id", "bench");
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setNotBefore(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + lifetimeSeconds));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(key.getAlgorithm());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setHeader("typ", "at+jwt");
        jws.setKey(key.getPrivateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
