package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The algorithm policy (the allow-list half of the old validation settings; the skew and its bounds are
 * {@code SignwardOptions}', see {@code SignwardOptionsTest}).
 */
class SettingsTest {

    @Test
    void defaultsAreAsymmetric() {
        assertEquals(Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"),
                AlgorithmPolicy.ASYMMETRIC);
        assertFalse(AlgorithmPolicy.ASYMMETRIC.contains("HS256"));
        AlgorithmPolicy policy = ValidatorFixture.policy(false);
        assertFalse(policy.jwksSymmetricKeys());
        assertFalse(policy.allowed().contains("HS256"));
    }

    @Test
    void hmacOnlyWhenSymmetricKeysAreAllowed() {
        assertTrue(ValidatorFixture.policy(true).allowed().containsAll(AlgorithmPolicy.SYMMETRIC));
        assertFalse(ValidatorFixture.policy(false).allowed().contains("HS256"));
        TokenRejectedException e = assertThrows(TokenRejectedException.class,
                () -> ValidatorFixture.policy(false).checkAllowed("HS256"));
        assertEquals("algorithm not allowed: HS256 (symmetric keys are disabled)", e.getMessage());
    }

    @Test
    void noneAndUnknownAlgorithmsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AlgorithmPolicy(Set.of("RS256", "none"), false));
        assertThrows(IllegalArgumentException.class, () -> new AlgorithmPolicy(Set.of("RS1"), false));
        assertThrows(NullPointerException.class, () -> new AlgorithmPolicy(null, false));
        AlgorithmPolicy all = new AlgorithmPolicy(AlgorithmPolicy.ASYMMETRIC, true);
        for (String none : new String[] {"none", "NONE", "None"}) {
            TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> all.checkAllowed(none));
            assertEquals(Rejections.ALG_NONE, e.getMessage());
        }
    }

    @Test
    void allowedAlgorithmsAreCopied() {
        Set<String> algorithms = new HashSet<>(Set.of("RS256"));
        AlgorithmPolicy policy = new AlgorithmPolicy(algorithms, false);
        algorithms.add("PS256");
        assertEquals(Set.of("RS256"), policy.allowed());
        assertThrows(UnsupportedOperationException.class, () -> policy.allowed().add("ES256"));
    }
}
