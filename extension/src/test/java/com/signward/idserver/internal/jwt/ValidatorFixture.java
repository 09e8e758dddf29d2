package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import jakarta.json.JsonObject;

import org.jose4j.jwk.JsonWebKey;

/** A validator over a counting fetcher and a mutable clock, plus assertions on rejections. */
final class ValidatorFixture {
    final MutableClock clock = new MutableClock();
    final TestTokens tokens = new TestTokens(clock);
    final CountingFetcher fetcher;
    final JwksKeySource keySource;
    final TokenValidator validator;

    ValidatorFixture(JsonWebKey... keys) {
        this(false, keys);
    }

    ValidatorFixture(boolean allowSymmetricKeys, JsonWebKey... keys) {
        fetcher = new CountingFetcher(keys);
        keySource = new JwksKeySource(fetcher, KeySourceSettings.defaults(), clock);
        Set<String> algorithms = new HashSet<>(ValidationSettings.ASYMMETRIC_ALGORITHMS);
        if (allowSymmetricKeys) {
            algorithms.addAll(ValidationSettings.SYMMETRIC_ALGORITHMS);
        }
        validator = new TokenValidator(keySource,
                new ValidationSettings(Duration.ofSeconds(10), algorithms, allowSymmetricKeys, clock));
    }

    JsonObject validate(String token) throws TokenRejectedException {
        return validator.validate(token, TestTokens.ISSUER, TestTokens.AUDIENCE);
    }

    /** Asserts the token is rejected with a message containing {@code rule}, free of the token and unchained. */
    TokenRejectedException assertRejected(String token, String rule) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> validate(token));
        assertMessage(e, rule, token);
        return e;
    }

    static void assertMessage(TokenRejectedException e, String rule, String token) {
        String message = e.getMessage();
        assertTrue(message.contains(rule), () -> "expected '" + rule + "' in: " + message);
        assertNull(e.getCause(), "the library exception must not be chained");
        if (token != null && !token.isEmpty()) {
            assertFalse(message.contains(token), "message contains the token");
            for (String part : token.split("\\.")) {
                if (part.length() > 8) {
                    assertFalse(message.contains(part), "message contains part of the token");
                }
            }
        }
        assertEquals(0, e.getStackTrace().length, "no stack trace is kept");
    }
}
