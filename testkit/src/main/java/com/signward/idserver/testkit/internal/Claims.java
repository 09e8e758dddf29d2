package com.signward.idserver.testkit.internal;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/** The claim sets the fake signs: access tokens (RFC 9068 shape with Signward's claims), ID tokens, logout tokens. */
public final class Claims {

    /** Claims of a token's envelope, never user claims (left out of the userinfo answer). */
    public static final Set<String> ENVELOPE = Set.of("iss", "aud", "exp", "iat", "nbf", "jti", "client_id", "azp",
            "scope", "sid", "act", "auth_time", "nonce", "at_hash", "typ", "events");

    private Claims() {
    }

    /**
     * An access token's claims: {@code iss}, {@code aud}, {@code sub} and the user's claims, {@code client_id} and
     * {@code azp}, {@code scope}, times from {@code now + shift}, a fresh {@code jti}.
     */
    public static JwtClaims access(String issuer, String audience, Map<String, Object> user, String clientId,
                                   String scope, Duration lifetime, Duration shift) {
        JwtClaims claims = base(issuer, user, lifetime, shift);
        claims.setAudience(audience);
        if (clientId != null) {
            claims.setClaim("client_id", clientId);
            claims.setClaim("azp", clientId);
        }
        if (scope != null) {
            claims.setClaim("scope", scope);
        }
        return claims;
    }

    /** An ID token's claims for {@code clientId}: user claims, {@code nonce}, {@code sid}, {@code auth_time}, {@code at_hash}. */
    public static JwtClaims id(String issuer, String clientId, Map<String, Object> user, String nonce, String sid,
                               long authTime, String accessToken, Duration lifetime) {
        JwtClaims claims = base(issuer, user, lifetime, Duration.ZERO);
        claims.setAudience(clientId);
        claims.setClaim("azp", clientId);
        claims.setClaim("sid", sid);
        claims.setClaim("auth_time", authTime);
        if (nonce != null) {
            claims.setClaim("nonce", nonce);
        }
        if (accessToken != null) {
            claims.setClaim("at_hash", leftHalfHash(accessToken));
        }
        return claims;
    }

    /** A back-channel logout token's claims (OIDC Back-Channel Logout 1.0 §2.4). */
    public static JwtClaims logout(String issuer, String clientId, String sid, String sub) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(clientId);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(2);
        claims.setGeneratedJwtId();
        claims.setClaim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        if (sid != null) {
            claims.setClaim("sid", sid);
        }
        if (sub != null) {
            claims.setSubject(sub);
        }
        return claims;
    }

    private static JwtClaims base(String issuer, Map<String, Object> user, Duration lifetime, Duration shift) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        long now = System.currentTimeMillis() / 1000 + shift.toSeconds();
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setNotBefore(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + lifetime.toSeconds()));
        claims.setGeneratedJwtId();
        user.forEach(claims::setClaim);
        return claims;
    }

    /** OIDC Core 3.1.3.6: base64url of the left half of the SHA-256 of the token. */
    static String leftHalfHash(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
