package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.jwk.JsonWebKey;

/**
 * An {@link AccessTokenValidator} with {@link AccessTokenRules} over a counting fetcher and a mutable clock, plus
 * assertions on rejections.
 */
final class ValidatorFixture {
    static final Duration SKEW = Duration.ofSeconds(10);
    static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    static final Duration MAX_STALE = Duration.ofHours(24);

    final MutableClock clock = new MutableClock();
    final TestTokens tokens = new TestTokens(clock);
    final CountingFetcher fetcher;
    final JwksKeySource keySource;
    final JwtVerifier verifier;
    final AccessTokenValidator<Map<String, Object>> validator;

    ValidatorFixture(JsonWebKey... keys) {
        this(false, keys);
    }

    ValidatorFixture(boolean allowSymmetricKeys, JsonWebKey... keys) {
        fetcher = new CountingFetcher(keys);
        keySource = new JwksKeySource(fetcher, MIN_REFRESH_INTERVAL, MAX_STALE, clock);
        verifier = new JwtVerifier(new JwksKeys(keySource), policy(allowSymmetricKeys), clock);
        validator = new AccessTokenValidator<>(verifier, AccessTokenValidator.DEFAULT_CACHE_SIZE, claims -> claims);
    }

    /** The asymmetric algorithms, plus HS* when symmetric keys of the JWKS are allowed. */
    static AlgorithmPolicy policy(boolean allowSymmetricKeys) {
        Set<String> algorithms = new HashSet<>(AlgorithmPolicy.ASYMMETRIC);
        if (allowSymmetricKeys) {
            algorithms.addAll(AlgorithmPolicy.SYMMETRIC);
        }
        return new AlgorithmPolicy(algorithms, allowSymmetricKeys);
    }

    /** The default access-token rules for {@link TestTokens#ISSUER} and {@link TestTokens#AUDIENCE}. */
    static AccessTokenRules rules() {
        return new AccessTokenRules(TestTokens.ISSUER, TestTokens.AUDIENCE, SKEW, List.of(), List.of());
    }

    /** A validator (no cache) over the same keys with another algorithm policy. */
    AccessTokenValidator<Map<String, Object>> withPolicy(AlgorithmPolicy policy) {
        return new AccessTokenValidator<>(new JwtVerifier(new JwksKeys(keySource), policy, clock), 0, c -> c);
    }

    Map<String, Object> validate(String token) throws TokenRejectedException, KeysUnavailableException {
        return validator.validate(token, rules());
    }

    /** Asserts the token is rejected with a message containing {@code rule}, free of the token and unchained. */
    TokenRejectedException assertRejected(String token, String rule) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> validate(token));
        assertMessage(e, rule, token);
        return e;
    }

    /** Asserts no signing key could be served: {@link KeysUnavailableException}, not a rejection of the token. */
    static KeysUnavailableException assertUnavailable(org.junit.jupiter.api.function.Executable validation) {
        KeysUnavailableException e = assertThrows(KeysUnavailableException.class, validation);
        assertTrue(e.getMessage().startsWith(Rejections.KEYS_UNAVAILABLE), e::getMessage);
        assertNull(e.getCause(), "nothing is chained");
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
