package com.signward.idserver.internal.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Rules shared by every kind: issuer, audience, time claims with the skew, explicit typing (RFC 8725 §3.11). */
final class TimeRules {

    /** OpenID Connect Back-Channel Logout 1.0 §2.4: the event a logout token carries. */
    static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private TimeRules() {
    }

    static void issuer(Map<String, Object> claims, String issuer) throws TokenRejectedException {
        if (!issuer.equals(ClaimValues.string(claims, "iss"))) {
            throw Rejections.reject(Rejections.ISSUER);
        }
    }

    static void audience(Map<String, Object> claims, String audience) throws TokenRejectedException {
        if (!ClaimValues.contains(claims, "aud", audience)) {
            throw Rejections.reject(Rejections.AUDIENCE);
        }
    }

    /**
     * {@code exp} (expired when now &ge; exp + skew), {@code iat} (not after now + skew), {@code nbf} (not after
     * now + skew).
     *
     * @return exp + skew, or {@code null} when {@code exp} is absent and not required
     */
    static Instant times(Map<String, Object> claims, Instant now, Duration skew, boolean expRequired,
                         boolean iatRequired) throws TokenRejectedException {
        Instant exp = required(claims, "exp", expRequired);
        Instant expiresAt = exp == null ? null : exp.plus(skew);
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            throw Rejections.reject(Rejections.EXPIRED);
        }
        Instant latest = now.plus(skew);
        Instant iat = required(claims, "iat", iatRequired);
        if (iat != null && iat.isAfter(latest)) {
            throw Rejections.reject(Rejections.FUTURE_IAT);
        }
        Instant notBefore = ClaimValues.numericDate(claims, "nbf");
        if (notBefore != null && notBefore.isAfter(latest)) {
            throw Rejections.reject(Rejections.NOT_YET_VALID);
        }
        if (exp != null && iat != null && exp.isBefore(iat)) {
            throw Rejections.reject("token expires before it was issued (exp before iat)");
        }
        return expiresAt;
    }

    private static Instant required(Map<String, Object> claims, String name, boolean required)
            throws TokenRejectedException {
        Instant value = ClaimValues.numericDate(claims, name);
        if (value == null && required) {
            throw Rejections.reject(Rejections.missingClaim(name));
        }
        return value;
    }

    /**
     * A {@code typ} header as a media type, compared case-insensitively (RFC 7515 §4.1.9: {@code at+jwt} means
     * {@code application/at+jwt}).
     */
    static String mediaType(String typ) {
        String lower = typ.strip().toLowerCase(Locale.ROOT);
        return lower.indexOf('/') < 0 ? "application/" + lower : lower;
    }
}
