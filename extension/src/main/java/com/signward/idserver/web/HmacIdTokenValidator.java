package com.signward.idserver.web;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Verifies ID tokens signed with HS256/384/512 using the octets of the client secret as the key, as OpenID
 * Connect Core §3.1.3.7 (rule 8) prescribes; signature, {@code iss}, {@code aud}, {@code sub}, {@code exp} and
 * {@code iat} are checked by jose4j. A secret shorter than the hash output is refused (RFC 7518 §3.2).
 * Access tokens never take this path.
 */
final class HmacIdTokenValidator {

    private static final int TEN_YEARS_SECONDS = 10 * 366 * 24 * 3600;

    private final byte[] secret;
    private final Duration clockSkew;
    private final Clock clock;

    HmacIdTokenValidator(String clientSecret, Duration clockSkew, Clock clock) {
        this.secret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /**
     * @param token     the compact JWS, already known to use {@code algorithm}
     * @param algorithm HS256, HS384 or HS512
     * @return the verified claims
     * @throws LoginException naming the rule that failed (never the token)
     */
    Map<String, Object> validate(String token, String algorithm, String issuer, String audience)
            throws LoginException {
        int minBytes = switch (algorithm) {
            case AlgorithmIdentifiers.HMAC_SHA256 -> 32;
            case AlgorithmIdentifiers.HMAC_SHA384 -> 48;
            case AlgorithmIdentifiers.HMAC_SHA512 -> 64;
            default -> throw LoginException.rejectedIdToken("algorithm " + algorithm + " is not an HMAC algorithm");
        };
        if (secret.length < minBytes) {
            throw LoginException.rejectedIdToken("the client secret is too short to verify an " + algorithm
                    + " ID token (at least " + minBytes + " bytes are required)");
        }
        int skew = (int) Math.min(Integer.MAX_VALUE, clockSkew.toSeconds());
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(new HmacKey(secret))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithm)
                .setExpectedIssuer(true, issuer)
                .setExpectedAudience(true, audience)
                .setRequireSubject()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions(skew, TEN_YEARS_SECONDS)
                .setAllowedClockSkewInSeconds(skew)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
        try {
            return consumer.processToClaims(token).getClaimsMap();
        } catch (InvalidJwtException e) {
            // jose4j's message holds the claims: translate, never chain
            throw LoginException.rejectedIdToken(rule(e));
        }
    }

    private static String rule(InvalidJwtException e) {
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "signature verification with the client secret failed";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRED)) {
            return "the token has expired (exp)";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "wrong or missing issuer (iss)";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "the audience (aud) does not contain the client id";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return "issued in the future (iat)";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING) || e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            return "exp and iat are required";
        }
        if (e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)) {
            return "no subject (sub)";
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return "not yet valid (nbf)";
        }
        return "malformed or unverifiable HMAC-signed token";
    }
}
