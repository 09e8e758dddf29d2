package com.signward.idserver.web;

import com.signward.idserver.internal.jwt.MutableClock;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionLifetimeTest {

    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private final SessionLifetime lifetime = new SessionLifetime(Duration.ofHours(12), Duration.ofSeconds(60),
            Duration.ofMinutes(5));

    static String jwtExpiringAt(long exp) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("someone");
        claims.setClaim("exp", exp);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(FakeProvider.KEY.getPrivateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    @Test
    void expiresInDecides() {
        assertEquals(NOW.plusSeconds(300), lifetime.accessTokenExpiry(NOW, 300, "opaque"));
    }

    @Test
    void anAbsurdExpiresInIsClampedToADay() {
        assertEquals(NOW.plus(Duration.ofHours(24)), lifetime.accessTokenExpiry(NOW, Long.MAX_VALUE, "opaque"));
        assertEquals(NOW.plus(Duration.ofHours(24)), lifetime.accessTokenExpiry(NOW, 10L * 365 * 86_400, "opaque"));
    }

    @Test
    void withoutExpiresInTheJwtExpDecides() throws Exception {
        assertEquals(NOW.plusSeconds(900), lifetime.accessTokenExpiry(NOW, 0, jwtExpiringAt(NOW.getEpochSecond() + 900)));
        assertEquals(NOW, lifetime.accessTokenExpiry(NOW, 0, jwtExpiringAt(NOW.getEpochSecond() - 900)),
                "an exp in the past: refresh at once");
        assertEquals(NOW.plus(Duration.ofHours(24)),
                lifetime.accessTokenExpiry(NOW, 0, jwtExpiringAt(Long.MAX_VALUE / 1000)));
    }

    @Test
    void withoutExpiresInAnOpaqueTokenGetsTheDefaultLifetime() {
        assertEquals(NOW.plus(Duration.ofMinutes(5)), lifetime.accessTokenExpiry(NOW, 0, "opaque-token"));
        assertEquals(NOW.plus(Duration.ofMinutes(5)), lifetime.accessTokenExpiry(NOW, 0, "a.b.c"));
    }

    @Test
    void theMaximumAgeCountsFromTheLoginWhateverRefreshesSucceed() {
        MutableClock clock = new MutableClock();
        SessionLogin login = new SessionLogin("at", "rt", "id", clock.instant().plusSeconds(300),
                SessionLoginTest.login(NOW, "rt").user(), SessionLoginTest.login(NOW, "rt").idTokenFacts(),
                clock.instant(), null);
        clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertFalse(lifetime.tooOld(login, clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(lifetime.tooOld(login, clock.instant()));
    }

    @Test
    void transientFailuresKeepTheLoginUntilExpiryPlusGrace() {
        SessionLogin login = SessionLoginTest.login(NOW, "rt");
        assertFalse(lifetime.graceOver(login, NOW.plusSeconds(59)));
        assertTrue(lifetime.graceOver(login, NOW.plusSeconds(60)));
        assertTrue(lifetime.graceOver(login, NOW.plus(Duration.ofDays(30))), "30 days later it is long over");
        assertTrue(lifetime.graceOver(SessionLoginTest.login(null, "rt"), NOW), "unknown expiry: no grace");
    }
}
