package com.signward.idserver.web;

import com.signward.idserver.internal.jwt.CompactJws;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The bounds of a browser login, one rule each:
 * <ul>
 *   <li>access-token expiry: {@code expires_in} of the token response, clamped to [0, {@value #MAX_TOKEN_LIFETIME_HOURS} h];
 *       without it the access token's own {@code exp} when it is a JWT (same clamp), else the default token
 *       lifetime;</li>
 *   <li>absolute age: a login older than the maximum age ends, whatever refreshes succeed;</li>
 *   <li>grace: when refreshing fails transiently, the tokens are kept until the access token's expiry plus the
 *       grace, then the login ends.</li>
 * </ul>
 * The idle timeout is the HTTP session's own ({@code session-timeout}). Immutable.
 */
final class SessionLifetime {

    static final long MAX_TOKEN_LIFETIME_HOURS = 24;
    private static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(MAX_TOKEN_LIFETIME_HOURS);

    private final Duration maxAge;
    private final Duration refreshGrace;
    private final Duration defaultTokenLifetime;

    SessionLifetime(Duration maxAge, Duration refreshGrace, Duration defaultTokenLifetime) {
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.refreshGrace = Objects.requireNonNull(refreshGrace, "refreshGrace");
        this.defaultTokenLifetime = Objects.requireNonNull(defaultTokenLifetime, "defaultTokenLifetime");
    }

    static SessionLifetime of(WebLoginSettings settings) {
        return new SessionLifetime(settings.sessionMaxAge(), settings.refreshGrace(), settings.defaultTokenLifetime());
    }

    /**
     * @param requested   when the token request was sent
     * @param expiresIn   {@code expires_in} in seconds, 0 when absent or unusable
     * @param accessToken the access token (its {@code exp} is read, unverified, when {@code expires_in} is absent)
     * @return when the access token is taken to expire: never before {@code requested}, never more than a day after
     */
    Instant accessTokenExpiry(Instant requested, long expiresIn, String accessToken) {
        if (expiresIn > 0) {
            return requested.plus(clamp(Duration.ofSeconds(Math.min(expiresIn, MAX_TOKEN_LIFETIME.toSeconds()))));
        }
        Long exp = CompactJws.unverifiedExpiry(accessToken);
        if (exp != null) {
            long seconds = Math.max(0, Math.min(exp - requested.getEpochSecond(), MAX_TOKEN_LIFETIME.toSeconds()));
            return requested.plusSeconds(seconds);
        }
        return requested.plus(clamp(defaultTokenLifetime));
    }

    /** @return whether the login has passed the maximum age */
    boolean tooOld(SessionLogin login, Instant now) {
        return !now.isBefore(login.loggedInAt().plus(maxAge));
    }

    /** @return whether a login whose refresh keeps failing must end now */
    boolean graceOver(SessionLogin login, Instant now) {
        Instant expiresAt = login.expiresAt();
        return expiresAt == null || !now.isBefore(expiresAt.plus(refreshGrace));
    }

    /** @return the maximum age of a login */
    Duration maxAge() {
        return maxAge;
    }

    private static Duration clamp(Duration lifetime) {
        return lifetime.compareTo(MAX_TOKEN_LIFETIME) > 0 ? MAX_TOKEN_LIFETIME : lifetime;
    }
}
