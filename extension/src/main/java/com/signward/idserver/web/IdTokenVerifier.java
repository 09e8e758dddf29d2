package com.signward.idserver.web;

import com.signward.idserver.InvalidTokenException;
import com.signward.idserver.SignwardException;
import com.signward.idserver.SignwardUser;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates ID tokens per OpenID Connect Core §3.1.3.7, and refreshed ones per §12.2.
 * <ul>
 *   <li>Asymmetric signatures (RS/PS/ES/EdDSA) go through the same key source and validator as access tokens
 *       ({@link SignatureCheck}, i.e. {@code SignwardClient.validateToken(idToken, clientId)}): signature,
 *       {@code iss}, {@code aud} contains the client id, {@code exp}, {@code iat}, {@code nbf}.</li>
 *   <li>HS256/384/512 ID tokens are verified with the client secret ({@link HmacIdTokenValidator}); without a
 *       secret they are refused.</li>
 *   <li>Then, here: {@code sub} present; several audiences require {@code azp}; a present {@code azp} must be the
 *       client id; {@code nonce} equals the one of the login; {@code iat} is not (much) before the login started;
 *       {@code at_hash}, when present, matches the access token.</li>
 * </ul>
 * Encrypted ID tokens and tokens over 16 KiB are refused. Rejections never show the token.
 */
final class IdTokenVerifier {

    static final int MAX_TOKEN_LENGTH = 16 * 1024;
    /** Extra tolerance for a provider clock that lags behind ours (the nonce already prevents replays). */
    private static final Duration STALE_IAT_GRACE = Duration.ofSeconds(60);
    private static final Set<String> HMAC_ALGORITHMS = Set.of("HS256", "HS384", "HS512");

    /** Validates an asymmetrically signed JWT (signature, iss, aud, exp, iat, nbf) and returns its claims. */
    @FunctionalInterface
    interface SignatureCheck {
        /**
         * @throws InvalidTokenException naming the rule that failed
         * @throws SignwardException     when keys or metadata cannot be loaded
         */
        Map<String, Object> validate(String token, String audience);
    }

    private final SignatureCheck asymmetric;
    private final HmacIdTokenValidator hmac;
    private final Supplier<String> issuer;
    private final String clientId;
    private final Duration clockSkew;
    private final Clock clock;

    /**
     * @param hmac   the HS256/384/512 validator, or {@code null} for a public client (then HMAC is refused)
     * @param issuer the expected issuer (the discovery document's); may load discovery
     */
    IdTokenVerifier(SignatureCheck asymmetric, HmacIdTokenValidator hmac, Supplier<String> issuer, String clientId,
                    Duration clockSkew, Clock clock) {
        this.asymmetric = Objects.requireNonNull(asymmetric, "asymmetric");
        this.hmac = hmac;
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks the ID token of a code exchange.
     *
     * @param idToken      the compact JWS from the token response
     * @param nonce        the nonce sent in the authorization request
     * @param loginStarted when the login attempt started
     * @param accessToken  the access token of the same response (for {@code at_hash})
     * @throws LoginException naming the rule that failed
     */
    VerifiedIdToken verifyLogin(String idToken, String nonce, Instant loginStarted, String accessToken)
            throws LoginException {
        Checked checked = verifySignatureAndClaims(idToken, accessToken);
        Map<String, Object> claims = checked.claims();
        String tokenNonce = Claims.string(claims, "nonce");
        if (tokenNonce == null) {
            throw LoginException.rejectedIdToken("no nonce");
        }
        if (!Secrets.constantTimeEquals(tokenNonce, nonce)) {
            throw LoginException.rejectedIdToken("the nonce does not match the login attempt");
        }
        Long iat = Claims.number(claims, "iat");
        Instant earliest = loginStarted.minus(clockSkew).minus(STALE_IAT_GRACE);
        if (iat != null && Instant.ofEpochSecond(iat).isBefore(earliest)) {
            throw LoginException.rejectedIdToken("issued (iat) before the login attempt started");
        }
        return new VerifiedIdToken(claims, new IdTokenFacts(checked.subject(), Claims.string(claims, "azp"),
                Claims.number(claims, "auth_time"), tokenNonce));
    }

    /**
     * Checks an ID token returned by a refresh against the login's (OpenID Connect Core §12.2): same
     * {@code sub}, same {@code auth_time} when both have one, and a {@code nonce} (if any) equal to the original.
     * {@code azp}, when present, must be the client id as at login; whether it is present may differ (some
     * providers, mock-oauth2-server among them, add or drop it on refresh).
     *
     * @throws LoginException naming the rule that failed
     */
    VerifiedIdToken verifyRefresh(String idToken, IdTokenFacts original, String accessToken) throws LoginException {
        Checked checked = verifySignatureAndClaims(idToken, accessToken);
        Map<String, Object> claims = checked.claims();
        if (!checked.subject().equals(original.subject())) {
            throw LoginException.rejectedIdToken("the refreshed ID token names another subject (sub)");
        }
        Long authTime = Claims.number(claims, "auth_time");
        if (original.authTime() != null && authTime != null && !authTime.equals(original.authTime())) {
            throw LoginException.rejectedIdToken("the refreshed ID token has another auth_time");
        }
        String nonce = Claims.string(claims, "nonce");
        if (nonce != null && !Secrets.constantTimeEquals(nonce, original.nonce())) {
            throw LoginException.rejectedIdToken("the refreshed ID token has another nonce");
        }
        return new VerifiedIdToken(claims, new IdTokenFacts(original.subject(), original.authorizedParty(),
                original.authTime() != null ? original.authTime() : authTime, original.nonce()));
    }

    private record Checked(Map<String, Object> claims, String subject) {
    }

    private Checked verifySignatureAndClaims(String idToken, String accessToken) throws LoginException {
        if (idToken == null || idToken.isBlank()) {
            throw LoginException.rejectedIdToken("the token response has no id_token (is the openid scope requested?)");
        }
        if (idToken.length() > MAX_TOKEN_LENGTH) {
            throw LoginException.rejectedIdToken("larger than 16 KiB");
        }
        String algorithm = algorithm(idToken);
        Map<String, Object> claims;
        if (HMAC_ALGORITHMS.contains(algorithm)) {
            if (hmac == null) {
                throw LoginException.rejectedIdToken(algorithm + " needs a client secret, and none is configured");
            }
            claims = plain(hmac.validate(idToken, algorithm, expectedIssuer(), clientId));
        } else {
            claims = checkAsymmetric(idToken);
        }
        String subject = Claims.string(claims, "sub");
        if (subject == null || subject.isBlank()) {
            throw LoginException.rejectedIdToken("no subject (sub)");
        }
        checkAudience(claims);
        checkTimes(claims);
        checkAccessTokenHash(claims, algorithm, accessToken);
        return new Checked(claims, subject);
    }

    private Map<String, Object> checkAsymmetric(String idToken) throws LoginException {
        try {
            return asymmetric.validate(idToken, clientId);
        } catch (InvalidTokenException e) {
            throw LoginException.rejectedIdToken(e.getMessage());
        } catch (SignwardException e) {
            throw LoginException.unavailable("login failed: Signward's keys could not be loaded",
                    "ID token not verifiable: " + e.getMessage());
        }
    }

    private String expectedIssuer() throws LoginException {
        try {
            return issuer.get();
        } catch (SignwardException e) {
            throw LoginException.unavailable("login failed: Signward is not reachable",
                    "discovery failed: " + e.getMessage());
        }
    }

    /** {@code aud} must contain the client id (already checked by the validator; checked again here). */
    private void checkAudience(Map<String, Object> claims) throws LoginException {
        List<String> audiences = Claims.strings(claims, "aud");
        if (!audiences.contains(clientId)) {
            throw LoginException.rejectedIdToken("the audience (aud) does not contain the client id");
        }
        String azp = Claims.string(claims, "azp");
        if (audiences.size() > 1 && azp == null) {
            throw LoginException.rejectedIdToken("several audiences but no authorized party (azp)");
        }
        if (azp != null && !azp.equals(clientId)) {
            throw LoginException.rejectedIdToken("the authorized party (azp) is not the client id");
        }
    }

    /** {@code exp} and {@code iat} are required and were checked by the validator; checked again here. */
    private void checkTimes(Map<String, Object> claims) throws LoginException {
        Long exp = Claims.number(claims, "exp");
        Long iat = Claims.number(claims, "iat");
        if (exp == null || iat == null) {
            throw LoginException.rejectedIdToken("exp and iat are required");
        }
        Instant now = clock.instant();
        if (!now.isBefore(Instant.ofEpochSecond(exp).plus(clockSkew))) {
            throw LoginException.rejectedIdToken("the token has expired (exp)");
        }
        if (Instant.ofEpochSecond(iat).isAfter(now.plus(clockSkew))) {
            throw LoginException.rejectedIdToken("issued in the future (iat)");
        }
    }

    private static void checkAccessTokenHash(Map<String, Object> claims, String algorithm, String accessToken)
            throws LoginException {
        String atHash = Claims.string(claims, "at_hash");
        if (atHash == null || accessToken == null) {
            return;
        }
        String digest = algorithm.endsWith("256") ? "SHA-256" : algorithm.endsWith("384") ? "SHA-384"
                : algorithm.endsWith("512") ? "SHA-512" : null;
        if (digest == null) {
            return; // EdDSA: the hash depends on the curve; at_hash is optional in the code flow
        }
        if (!Secrets.constantTimeEquals(atHash, Secrets.leftHalfHash(digest, accessToken))) {
            throw LoginException.rejectedIdToken("at_hash does not match the access token");
        }
    }

    /** Reads the {@code alg} header through jose4j; refuses anything but a JWS. */
    private static String algorithm(String token) throws LoginException {
        JsonWebStructure structure;
        try {
            structure = JsonWebStructure.fromCompactSerialization(token);
        } catch (JoseException e) {
            throw LoginException.rejectedIdToken("malformed token");
        }
        if (!(structure instanceof JsonWebSignature)) {
            throw LoginException.rejectedIdToken("encrypted ID tokens (JWE) are not supported");
        }
        String algorithm = structure.getAlgorithmHeaderValue();
        if (algorithm == null || algorithm.isBlank() || algorithm.equalsIgnoreCase("none")) {
            throw LoginException.rejectedIdToken("unsigned token (alg none)");
        }
        return algorithm;
    }

    private static Map<String, Object> plain(Map<String, Object> claims) {
        return SignwardUser.fromClaims(claims).claims();
    }
}
