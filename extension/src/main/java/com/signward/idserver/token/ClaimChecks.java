package com.signward.idserver.token;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The claim rules, applied to the verified payload with the injected clock (smallrye-jwt checks the same
 * {@code exp}/{@code nbf} rules against the system clock, and does not check a future {@code iat}):
 * {@code iss} exact, {@code aud} contains the expected audience, {@code exp} and {@code iat} required,
 * expired when now &ge; exp + skew, {@code nbf} &gt; now + skew rejected, {@code iat} &gt; now + skew rejected.
 */
final class ClaimChecks {
    /** 9999-12-31T23:59:59Z: later NumericDates are treated as malformed. */
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(253_402_300_799L);

    private ClaimChecks() {
    }

    /**
     * @return the instant from which the token counts as expired ({@code exp} + skew)
     * @throws TokenRejectedException naming the rule that failed
     */
    static Instant check(JsonObject claims, String issuer, String audience, Instant now, Duration skew)
            throws TokenRejectedException {
        if (!(claims.get("iss") instanceof JsonString iss) || !iss.getString().equals(issuer)) {
            throw Rejections.reject(Rejections.ISSUER);
        }
        if (!audienceContains(claims.get("aud"), audience)) {
            throw Rejections.reject(Rejections.AUDIENCE);
        }
        Instant expiresAt = time(claims, "exp", true).plus(skew);
        if (!now.isBefore(expiresAt)) {
            throw Rejections.reject(Rejections.EXPIRED);
        }
        Instant latest = now.plus(skew);
        if (time(claims, "iat", true).isAfter(latest)) {
            throw Rejections.reject(Rejections.FUTURE_IAT);
        }
        Instant notBefore = time(claims, "nbf", false);
        if (notBefore != null && notBefore.isAfter(latest)) {
            throw Rejections.reject(Rejections.NOT_YET_VALID);
        }
        return expiresAt;
    }

    private static boolean audienceContains(JsonValue aud, String audience) {
        if (aud instanceof JsonString single) {
            return single.getString().equals(audience);
        }
        if (aud instanceof JsonArray many) {
            for (JsonValue value : many) {
                if (value instanceof JsonString s && s.getString().equals(audience)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A NumericDate claim (seconds since the epoch; fractions dropped, as jose4j does). */
    private static Instant time(JsonObject claims, String name, boolean required) throws TokenRejectedException {
        JsonValue value = claims.get(name);
        if (value == null) {
            if (required) {
                throw Rejections.reject(Rejections.missingClaim(name));
            }
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw Rejections.reject(Rejections.malformedClaim(name));
        }
        BigDecimal seconds = number.bigDecimalValue();
        if (seconds.signum() < 0 || seconds.compareTo(MAX_SECONDS) > 0) { // compared before any scaling
            throw Rejections.reject(Rejections.malformedClaim(name));
        }
        return Instant.ofEpochSecond(seconds.setScale(0, RoundingMode.DOWN).longValue());
    }
}
