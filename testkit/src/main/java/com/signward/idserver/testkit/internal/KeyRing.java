package com.signward.idserver.testkit.internal;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The provider's RSA signing keys: the current one signs, older ones stay published until dropped. Thread-safe.
 */
public final class KeyRing {

    private final List<RsaJsonWebKey> published = new ArrayList<>();
    private RsaJsonWebKey current;

    public KeyRing() {
        current = generate();
        published.add(current);
    }

    /** A new RSA 2048 key with a random {@code kid}. */
    public static RsaJsonWebKey generate() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(UUID.randomUUID().toString());
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** A new current key; the old one stays published when {@code keepOld}. */
    public synchronized void rotate(boolean keepOld) {
        if (!keepOld) {
            published.clear();
        }
        current = generate();
        published.add(current);
    }

    /** The current signing key. */
    public synchronized RsaJsonWebKey current() {
        return current;
    }

    /** The JWKS document (public keys only). */
    public synchronized String jwksJson() {
        return new JsonWebKeySet(new ArrayList<JsonWebKey>(published))
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** Signs the claims with the current key (RS256) and the given {@code typ} ({@code null}: none). */
    public String sign(JwtClaims claims, String typ) {
        RsaJsonWebKey key = current();
        return sign(claims.toJson(), AlgorithmIdentifiers.RSA_USING_SHA256, key.getPrivateKey(), key.getKeyId(), typ);
    }

    /** Signs a payload with any jose4j algorithm and key (no key for {@code none}). */
    public static String sign(String payload, String algorithm, Key key, String kid, String typ) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setDoKeyValidation(false);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        if (typ != null) {
            jws.setHeader("typ", typ);
        }
        if (key == null) {
            jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        } else {
            jws.setKey(key);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /**
     * The claims of a token this provider signed with a published key and for {@code issuer}; expiry checked
     * unless {@code allowExpired}. Empty for anything else (no detail: the callers answer generically).
     */
    public Optional<JwtClaims> verify(String token, String issuer, boolean allowExpired) {
        List<JsonWebKey> keys;
        synchronized (this) {
            keys = new ArrayList<>(published);
        }
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new org.jose4j.keys.resolvers.JwksVerificationKeyResolver(keys))
                .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(issuer)
                .setSkipDefaultAudienceValidation()
                .setAllowedClockSkewInSeconds(10);
        if (allowExpired) {
            builder.setSkipAllValidators().setExpectedIssuer(issuer);
        } else {
            builder.setRequireExpirationTime();
        }
        try {
            JwtClaims claims = builder.build().processToClaims(token);
            return allowExpired && !issuer.equals(claims.getIssuer()) ? Optional.empty() : Optional.of(claims);
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
