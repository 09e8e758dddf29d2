package com.signward.idserver.token;

import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies signature and standard claims with smallrye-jwt: exactly the selected key and algorithm, exact
 * {@code iss}, {@code aud} containing the expected audience, {@code exp} and {@code iat} required, {@code exp} and
 * {@code nbf} with the clock skew (smallrye-jwt evaluates them against the system clock). Failures become a
 * message naming the rule; smallrye's exception is never chained (its messages quote claims).
 *
 * <p>{@code DefaultJWTParser.parse(token, context)} is used with the key set in the context rather than
 * {@code verify(token, key)}: the latter replaces an allowed {@code PS*} algorithm by RS256 for RSA keys.
 */
final class SignatureVerifier {
    private static final int MAX_CONTEXTS = 256;

    private record ContextKey(String issuer, String audience, String alg) {
    }

    private final DefaultJWTParser parser = new DefaultJWTParser(new DefaultJWTCallerPrincipalFactory());
    private final Map<ContextKey, JWTAuthContextInfo> templates = new ConcurrentHashMap<>();
    private final int skewSeconds;

    SignatureVerifier(Duration clockSkew) {
        this.skewSeconds = (int) Math.min(Integer.MAX_VALUE, clockSkew.toSeconds());
    }

    void verify(String token, SigningKey key, String alg, String issuer, String audience)
            throws TokenRejectedException {
        JWTAuthContextInfo context = new JWTAuthContextInfo(template(issuer, audience, alg));
        if (key.key() instanceof PublicKey publicKey) {
            context.setPublicVerificationKey(publicKey);
        } else {
            context.setSecretVerificationKey((SecretKey) key.key());
        }
        try {
            parser.parse(token, context);
        } catch (ParseException e) {
            throw Rejections.reject(describe(e));
        } catch (RuntimeException e) { // never let a library message (which may quote the token) escape
            throw Rejections.reject(Rejections.MALFORMED);
        }
    }

    /** One configured context per issuer, audience and algorithm; copied per call (the key differs). */
    private JWTAuthContextInfo template(String issuer, String audience, String alg) {
        ContextKey contextKey = new ContextKey(issuer, audience, alg);
        JWTAuthContextInfo template = templates.get(contextKey);
        if (template == null) {
            if (templates.size() >= MAX_CONTEXTS) {
                templates.clear();
            }
            template = templates.computeIfAbsent(contextKey, k -> newTemplate(issuer, audience, alg));
        }
        return template;
    }

    private JWTAuthContextInfo newTemplate(String issuer, String audience, String alg) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(issuer);
        info.setExpectedAudience(Set.of(audience));
        info.setRequiredClaims(Set.of("exp", "iat"));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.fromAlgorithm(alg)));
        info.setExpGracePeriodSecs(skewSeconds);
        info.setClockSkew(skewSeconds);
        info.setRequireNamedPrincipal(false);
        info.setRelaxVerificationKeyValidation(false); // keep jose4j's key-size checks
        return info;
    }

    /** Names the rule behind a smallrye-jwt failure by inspecting jose4j's error codes in the cause chain. */
    static String describe(ParseException e) {
        InvalidJwtException invalid = findInvalidJwt(e);
        if (invalid == null) {
            String message = String.valueOf(e.getMessage());
            return message.startsWith("SRJWT07015") ? "token expires before it was issued (exp before iat)"
                    : message.startsWith("SRJWT07008") ? Rejections.malformedClaim("iat or exp")
                    : Rejections.SIGNATURE_INVALID;
        }
        if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return Rejections.SIGNATURE_INVALID;
        }
        if (invalid.hasErrorCode(ErrorCodes.EXPIRED)) {
            return Rejections.EXPIRED;
        }
        if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return Rejections.NOT_YET_VALID;
        }
        if (invalid.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return Rejections.FUTURE_IAT;
        }
        if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return Rejections.ISSUER;
        }
        if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return Rejections.AUDIENCE;
        }
        if (invalid.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            return Rejections.missingClaim("exp");
        }
        if (invalid.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)) {
            return Rejections.missingClaim("iat");
        }
        if (invalid.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)) {
            return Rejections.malformedClaim("a standard claim has the wrong type");
        }
        if (invalid.hasErrorCode(ErrorCodes.JSON_INVALID)) {
            return Rejections.MALFORMED + ": payload is not a JSON object";
        }
        if (invalid.getErrorDetails().isEmpty()) { // smallrye's own required-claims check
            return Rejections.missingClaim("exp or iat");
        }
        if (invalid.hasErrorCode(ErrorCodes.MISCELLANEOUS) && invalid.getCause() == null) {
            return "time claims inconsistent (exp before iat or nbf)"; // jose4j's claim validators
        }
        return Rejections.SIGNATURE_INVALID; // jose4j refused the key or the algorithm while verifying
    }

    private static InvalidJwtException findInvalidJwt(Throwable e) {
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
