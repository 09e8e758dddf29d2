package com.signward.it.support;

import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.lang.JoseException;

import java.security.Key;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * Access tokens for the tests. Valid ones come from mock-oauth2-server (token callback with the user's claims);
 * the broken ones are crafted with jose4j so that exactly one rule fails: everything else (issuer, audience,
 * signing key, times) is as in a valid token, which {@link #craftedValid} proves.
 */
public final class Tokens {

    private static final long LIFETIME_SECONDS = 3600;

    private Tokens() {
    }

    /** A valid access token for the user, issued by the mock provider. */
    public static String valid(TestUser user) {
        return MockIdp.get().issue(new DefaultOAuth2TokenCallback(MockIdp.ISSUER_ID, user.sub(), "JWT",
                List.of(MockIdp.AUDIENCE), user.claims(), LIFETIME_SECONDS));
    }

    /** A valid token built by this class's crafting path (the control for the broken ones). */
    public static String craftedValid(TestUser user) {
        return sign(claims(user, idpIssuer(), MockIdp.AUDIENCE, 0), MockIdp.get().signingKey(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** Expired an hour ago (far beyond any clock skew). */
    public static String expired(TestUser user) {
        return sign(claims(user, idpIssuer(), MockIdp.AUDIENCE, -2 * LIFETIME_SECONDS), MockIdp.get().signingKey(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** For another API ({@code aud} is not {@code idserver-api}). */
    public static String wrongAudience(TestUser user) {
        return sign(claims(user, idpIssuer(), "some-other-api", 0), MockIdp.get().signingKey(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** From another issuer, signed with the right key. */
    public static String wrongIssuer(TestUser user) {
        return sign(claims(user, idpIssuer() + "-evil", MockIdp.AUDIENCE, 0), MockIdp.get().signingKey(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** Signed by a key that is not the provider's, under the provider's key id. */
    public static String badSignature(TestUser user) {
        return sign(claims(user, idpIssuer(), MockIdp.AUDIENCE, 0), freshRsaKey(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** {@code alg: none}, no signature. */
    public static String algNone(TestUser user) {
        return sign(claims(user, idpIssuer(), MockIdp.AUDIENCE, 0), null, AlgorithmIdentifiers.NONE);
    }

    /** Valid in every way but its {@code typ} header (e.g. {@code logout+jwt}): a token of another kind. */
    public static String typed(TestUser user, String typ) {
        return sign(claims(user, idpIssuer(), MockIdp.AUDIENCE, 0), MockIdp.get().signingKey(),
                AlgorithmIdentifiers.RSA_USING_SHA256, typ);
    }

    /**
     * A back-channel logout token's shape (OIDC Back-Channel Logout 1.0: {@code events}, {@code sid}, no
     * {@code typ}) with the API audience, signed by the provider: never an access token.
     */
    public static String logoutTokenShape(TestUser user) {
        JwtClaims claims = claims(user, idpIssuer(), MockIdp.AUDIENCE, 0);
        claims.setClaim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        claims.setClaim("sid", "session-1");
        return sign(claims, MockIdp.get().signingKey(), AlgorithmIdentifiers.RSA_USING_SHA256, null);
    }

    /** A token for another issuer, signed by a key of its own under key id {@code kid}. */
    public static String forIssuer(TestUser user, String issuer, Key key, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(user, issuer, MockIdp.AUDIENCE, 0).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(key);
        jws.setKeyIdHeaderValue(kid);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign test token", e);
        }
    }

    /** Not a JWT at all. */
    public static String malformed() {
        return "this-is-not-a-jwt";
    }

    /** Three segments that do not decode. */
    public static String garbageSegments() {
        return "eyJhbGciOiJSUzI1NiJ9.%%%not-base64%%%.c2lnbmF0dXJl";
    }

    private static String idpIssuer() {
        return MockIdp.get().authority();
    }

    /** Claims of a token issued {@code shiftSeconds} from now (negative: in the past). */
    private static JwtClaims claims(TestUser user, String issuer, String audience, long shiftSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(user.sub());
        long now = System.currentTimeMillis() / 1000 + shiftSeconds;
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setNotBefore(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + LIFETIME_SECONDS));
        claims.setGeneratedJwtId();
        claims.setClaim("azp", MockIdp.CLIENT_ID);
        for (Map.Entry<String, Object> claim : user.claims().entrySet()) {
            claims.setClaim(claim.getKey(), claim.getValue());
        }
        return claims;
    }

    private static String sign(JwtClaims claims, Key key, String algorithm) {
        return sign(claims, key, algorithm, "JWT");
    }

    private static String sign(JwtClaims claims, Key key, String algorithm, String typ) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        if (typ != null) {
            jws.setHeader("typ", typ);
        }
        if (key != null) {
            jws.setKey(key);
            jws.setKeyIdHeaderValue(MockIdp.get().keyId());
        } else {
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign test token", e);
        }
    }

    /** A new RSA private key (2048 bits). */
    public static Key freshRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
