package com.signward.idserver.internal.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of a back-channel logout token (OpenID Connect Back-Channel Logout 1.0 §2.4, §2.6): {@code typ}
 * {@code logout+jwt} when present; {@code iss} exact; {@code aud} contains the client id; {@code iat} required and
 * not in the future; {@code exp} (when present) not passed; {@code jti} required; an {@code events} object with the
 * back-channel logout member, itself an object; {@code sid}, {@code sub} or both; no {@code nonce}. The signature is
 * checked before, with the same keys as ID tokens.
 */
public final class LogoutTokenRules implements ClaimRules {

    private final String issuer;
    private final String clientId;
    private final Duration skew;

    public LogoutTokenRules(String issuer, String clientId, Duration skew) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.skew = Objects.requireNonNull(skew, "skew");
    }

    @Override
    public Instant check(CompactJws jws, Map<String, Object> claims, Instant now) throws TokenRejectedException {
        if (jws.typ() != null && !TimeRules.mediaType(jws.typ()).equals("application/logout+jwt")) {
            throw Rejections.reject(Rejections.TYPE + " (not a logout token)");
        }
        TimeRules.issuer(claims, issuer);
        TimeRules.audience(claims, clientId);
        Instant expiresAt = TimeRules.times(claims, now, skew, false, true);
        String jti = ClaimValues.string(claims, "jti");
        if (jti == null || jti.isBlank()) {
            throw Rejections.reject(Rejections.missingClaim("jti"));
        }
        if (!(claims.get("events") instanceof Map<?, ?> events)
                || !(events.get(TimeRules.BACKCHANNEL_LOGOUT_EVENT) instanceof Map<?, ?>)) {
            throw Rejections.reject("no back-channel logout event (events)");
        }
        if (blank(ClaimValues.string(claims, "sid")) && blank(ClaimValues.string(claims, "sub"))) {
            throw Rejections.reject("neither sid nor sub");
        }
        if (claims.containsKey("nonce")) {
            throw Rejections.reject("a logout token must not contain a nonce");
        }
        return expiresAt;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
