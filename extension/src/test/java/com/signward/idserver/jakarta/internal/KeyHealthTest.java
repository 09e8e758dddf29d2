package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.jwt.KeyState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readiness decision from the key source's state, and that the Health classes are looked up by name only. */
@org.junit.jupiter.api.extension.ExtendWith(com.signward.idserver.ExpectedWarnings.class) // provokes the SDK's warnings on purpose
class KeyHealthTest {

    private static final String AUTHORITY = "https://mytenant.signward.com";
    private static final Instant FETCHED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant REFRESH = FETCHED.plus(Duration.ofMinutes(10));
    private static final Instant USABLE = FETCHED.plus(Duration.ofHours(24));

    private static KeyState loaded(Instant failingSince) {
        return new KeyState(Set.of("k1", "k2"), FETCHED, REFRESH, USABLE, failingSince);
    }

    @Test
    void staleSecondsCountFromTheFirstFailureOrTheRefreshTime() {
        assertEquals(0, KeyHealth.staleSeconds(loaded(null), FETCHED.plusSeconds(60)));
        Instant failed = FETCHED.plusSeconds(120);
        assertEquals(30, KeyHealth.staleSeconds(loaded(failed), failed.plusSeconds(30)));
        assertEquals(1.5, KeyHealth.staleSeconds(loaded(null), REFRESH.plusMillis(1500)));
        assertEquals(0, KeyHealth.staleSeconds(loaded(failed), USABLE.plusSeconds(1)), "unusable keys are not served");
        assertEquals(0, KeyHealth.staleSeconds(new KeyState(Set.of(), null, null, null, FETCHED), FETCHED));
    }

    @Test
    void freshKeysAreUpWithTheirData() {
        KeyHealth health = KeyHealth.of(AUTHORITY, loaded(null), FETCHED.plusSeconds(60));
        assertTrue(health.up());
        assertFalse(health.stale());
        assertEquals(AUTHORITY, health.data().get("authority"));
        assertTrue(Set.of("k1,k2", "k2,k1").contains(health.data().get("keyIds")));
        assertEquals(FETCHED.toString(), health.data().get("lastSuccessfulRefresh"));
        assertEquals(REFRESH.toString(), health.data().get("nextRefresh"));
        assertEquals("false", health.data().get("stale"));
        assertFalse(health.data().containsKey("staleSince"));
    }

    @Test
    void noKeysIsDown() {
        KeyHealth never = KeyHealth.of(AUTHORITY, new KeyState(Set.of(), null, null, null, FETCHED), FETCHED);
        assertFalse(never.up());
        assertEquals(FETCHED.toString(), never.data().get("failingSince"));
        assertFalse(KeyHealth.of(AUTHORITY, new KeyState(Set.of(), null, null, null, null), FETCHED).up());
    }

    @Test
    void outageWithUsableKeysIsUpAndStaleSinceTheFirstFailure() {
        Instant failed = FETCHED.plusSeconds(120);
        KeyHealth health = KeyHealth.of(AUTHORITY, loaded(failed), failed.plusSeconds(30));
        assertTrue(health.up());
        assertTrue(health.stale());
        assertEquals(failed.toString(), health.data().get("staleSince"));
    }

    @Test
    void expiredKeysNotYetRefreshedAreStaleSinceTheirRefreshTime() {
        KeyHealth health = KeyHealth.of(AUTHORITY, loaded(null), REFRESH.plusSeconds(1));
        assertTrue(health.up());
        assertTrue(health.stale());
        assertEquals(REFRESH.toString(), health.data().get("staleSince"));
    }

    @Test
    void keysPastMaxStaleAreDown() {
        assertFalse(KeyHealth.of(AUTHORITY, loaded(FETCHED.plusSeconds(1)), USABLE).up());
    }

    @Test
    void healthApiAbsenceIsDetectedWithoutLoadingTheCheck() {
        assertTrue(OptionalApis.health(), "the API is on the test class path");
        assertFalse(OptionalApis.present("org.eclipse.microprofile.health.NoSuchType"));
    }
}
