package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsAreAsymmetricWithTenSecondsSkew() {
        ValidationSettings settings = ValidationSettings.defaults();
        assertEquals(Duration.ofSeconds(10), settings.clockSkew());
        assertEquals(ValidationSettings.ASYMMETRIC_ALGORITHMS, settings.allowedAlgorithms());
        assertFalse(settings.allowSymmetricKeys());
        assertFalse(settings.allowedAlgorithms().contains("HS256"));
    }

    @Test
    void ofAddsHmacOnlyWhenSymmetricKeysAreAllowed() {
        assertTrue(ValidationSettings.of(Duration.ofSeconds(5), true).allowedAlgorithms().containsAll(
                ValidationSettings.SYMMETRIC_ALGORITHMS));
        assertFalse(ValidationSettings.of(Duration.ofSeconds(5), false).allowedAlgorithms().contains("HS256"));
    }

    @Test
    void noneAndUnknownAlgorithmsAreRefused() {
        Clock clock = Clock.systemUTC();
        assertThrows(IllegalArgumentException.class,
                () -> new ValidationSettings(Duration.ZERO, Set.of("RS256", "none"), false, clock));
        assertThrows(IllegalArgumentException.class,
                () -> new ValidationSettings(Duration.ZERO, Set.of("RS1"), false, clock));
        assertThrows(IllegalArgumentException.class,
                () -> new ValidationSettings(Duration.ofSeconds(-1), Set.of("RS256"), false, clock));
        assertThrows(IllegalArgumentException.class,
                () -> new ValidationSettings(Duration.ofDays(2), Set.of("RS256"), false, clock));
        assertThrows(NullPointerException.class,
                () -> new ValidationSettings(Duration.ZERO, Set.of("RS256"), false, null));
    }

    @Test
    void allowedAlgorithmsAreCopied() {
        Set<String> algorithms = new HashSet<>(Set.of("RS256"));
        ValidationSettings settings = new ValidationSettings(Duration.ZERO, algorithms, false, Clock.systemUTC());
        algorithms.add("PS256");
        assertEquals(Set.of("RS256"), settings.allowedAlgorithms());
        assertThrows(UnsupportedOperationException.class, () -> settings.allowedAlgorithms().add("ES256"));
    }
}
