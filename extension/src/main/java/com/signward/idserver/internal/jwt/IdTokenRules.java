package com.signward.idserver.internal.jwt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of an ID token (OpenID Connect Core §3.1.3.7, and §12.2 for refreshed ones): {@code typ} {@code JWT} or
 * none; no {@code events} claim; {@code iss} exact; {@code aud} contains the client id; several audiences need
 * {@code azp}, and a present {@code azp} is the client id; {@code sub}, {@code exp}, {@code iat} required;
 * {@code nbf}; at login the {@code nonce} equals the attempt's and {@code iat} is not long before the attempt
 * started; on refresh the same {@code sub}, the same {@code auth_time} and a {@code nonce} (if any) equal to the
 * login's; {@code at_hash}, when present, matches the access token. The signature is checked before, with the keys
 * of {@link ClientSecretKeys} (HS* with the client secret).
 */
public final class IdTokenRules implements ClaimRules {

    /** Extra tolerance for a provider clock that lags behind ours (the nonce already prevents replays). */
    static final Duration STALE_IAT_GRACE = Duration.ofSeconds(60);

    private final String issuer;
    private final String clientId;
    private final Duration skew;
    private final String nonce;
    private final Instant loginStarted;
    private final IdTokenFacts original;
    private final String accessToken;

    private IdTokenRules(String issuer, String clientId, Duration skew, String nonce, Instant loginStarted,
                         IdTokenFacts original, String accessToken) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.skew = Objects.requireNonNull(skew, "skew");
        this.nonce = nonce;
        this.loginStarted = loginStarted;
        this.original = original;
        this.accessToken = accessToken;
    }

    /**
     * @param nonce        the nonce sent in the authorization request (required)
     * @param loginStarted when the login attempt started
     * @param accessToken  the access token of the same response (for {@code at_hash}), or {@code null}
     */
    public static IdTokenRules forLogin(String issuer, String clientId, Duration skew, String nonce,
                                        Instant loginStarted, String accessToken) {
        return new IdTokenRules(issuer, clientId, skew, Objects.requireNonNull(nonce, "nonce"),
                Objects.requireNonNull(loginStarted, "loginStarted"), null, accessToken);
    }

    /** For an ID token a refresh returned, checked against the login's. */
    public static IdTokenRules forRefresh(String issuer, String clientId, Duration skew, IdTokenFacts original,
                                          String accessToken) {
        return new IdTokenRules(issuer, clientId, skew, null, null, Objects.requireNonNull(original, "original"),
                accessToken);
    }

    /** For a token with no login to compare with ({@code SignwardClient.validateIdToken} without a nonce). */
    public static IdTokenRules standalone(String issuer, String clientId, Duration skew, String nonce) {
        return new IdTokenRules(issuer, clientId, skew, nonce, null, null, null);
    }

    @Override
    public Instant check(CompactJws jws, Map<String, Object> claims, Instant now) throws TokenRejectedException {
        if (jws.typ() != null && !TimeRules.mediaType(jws.typ()).equals("application/jwt")) {
            throw Rejections.reject(Rejections.TYPE + " (not an ID token)");
        }
        if (claims.containsKey("events")) {
            throw Rejections.reject(Rejections.TYPE + " (an events claim: not an ID token)");
        }
        TimeRules.issuer(claims, issuer);
        String subject = ClaimValues.string(claims, "sub");
        if (subject == null || subject.isBlank()) {
            throw Rejections.reject("no subject (sub)");
        }
        if (!ClaimValues.contains(claims, "aud", clientId)) {
            throw Rejections.reject("the audience (aud) does not contain the client id");
        }
        String azp = ClaimValues.string(claims, "azp");
        if (ClaimValues.count(claims, "aud") > 1 && azp == null) {
            throw Rejections.reject("several audiences but no authorized party (azp)");
        }
        if (azp != null && !azp.equals(clientId)) {
            throw Rejections.reject("the authorized party (azp) is not the client id");
        }
        Instant expiresAt = TimeRules.times(claims, now, skew, true, true);
        String tokenNonce = ClaimValues.string(claims, "nonce");
        if (original == null) {
            checkLogin(claims, tokenNonce);
        } else {
            checkRefresh(claims, subject, tokenNonce);
        }
        checkAccessTokenHash(claims, jws.alg());
        return expiresAt;
    }

    private void checkLogin(Map<String, Object> claims, String tokenNonce) throws TokenRejectedException {
        if (nonce != null) {
            if (tokenNonce == null) {
                throw Rejections.reject("no nonce");
            }
            if (!constantTimeEquals(tokenNonce, nonce)) {
                throw Rejections.reject("the nonce does not match the login attempt");
            }
        }
        Instant iat = ClaimValues.numericDate(claims, "iat");
        if (loginStarted != null && iat.isBefore(loginStarted.minus(skew).minus(STALE_IAT_GRACE))) {
            throw Rejections.reject("issued (iat) before the login attempt started");
        }
    }

    private void checkRefresh(Map<String, Object> claims, String subject, String tokenNonce)
            throws TokenRejectedException {
        if (!subject.equals(original.subject())) {
            throw Rejections.reject("the refreshed ID token names another subject (sub)");
        }
        Instant authTime = ClaimValues.numericDate(claims, "auth_time");
        if (original.authTime() != null && authTime != null && authTime.getEpochSecond() != original.authTime()) {
            throw Rejections.reject("the refreshed ID token has another auth_time");
        }
        if (tokenNonce != null && !constantTimeEquals(tokenNonce, original.nonce())) {
            throw Rejections.reject("the refreshed ID token has another nonce");
        }
    }

    /** What a later refreshed ID token must agree with; call after {@link #check} accepted {@code claims}. */
    public IdTokenFacts facts(Map<String, Object> claims) {
        Long authTime = null;
        try {
            Instant t = ClaimValues.numericDate(claims, "auth_time");
            authTime = t == null ? null : t.getEpochSecond();
        } catch (TokenRejectedException malformed) {
            // a malformed auth_time is ignored, as OIDC treats it as optional
        }
        if (original != null) {
            return new IdTokenFacts(original.subject(), original.authorizedParty(),
                    original.authTime() != null ? original.authTime() : authTime, original.nonce());
        }
        return new IdTokenFacts(ClaimValues.string(claims, "sub"), ClaimValues.string(claims, "azp"), authTime,
                ClaimValues.string(claims, "nonce"));
    }

    private void checkAccessTokenHash(Map<String, Object> claims, String alg) throws TokenRejectedException {
        String atHash = ClaimValues.string(claims, "at_hash");
        if (atHash == null || accessToken == null) {
            return;
        }
        String digest = alg.endsWith("256") ? "SHA-256" : alg.endsWith("384") ? "SHA-384"
                : alg.endsWith("512") ? "SHA-512" : null;
        if (digest == null) {
            return; // EdDSA: the hash depends on the curve; at_hash is optional in the code flow
        }
        if (!constantTimeEquals(atHash, leftHalfHash(digest, accessToken))) {
            throw Rejections.reject("at_hash does not match the access token");
        }
    }

    /** @return base64url of the left half of the hash (OpenID Connect {@code at_hash}) */
    static String leftHalfHash(String algorithm, String value) {
        try {
            byte[] hash = MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /** Compares without leaking the position of the first difference; {@code null} equals nothing. */
    static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
