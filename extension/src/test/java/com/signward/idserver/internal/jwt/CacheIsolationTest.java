package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The verified-token cache serves a token only under the rules it passed. */
class CacheIsolationTest {

    private final ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1);
    private final AtomicInteger mapped = new AtomicInteger();
    /** Counts verifications independently of the JWKS: the mapper runs once per verified token. */
    private final AccessTokenValidator<Map<String, Object>> validator = validator(AccessTokenValidator.DEFAULT_CACHE_SIZE);

    private static final AccessTokenRules LAX = ValidatorFixture.rules();
    private static final AccessTokenRules STRICT = new AccessTokenRules(TestTokens.ISSUER, TestTokens.AUDIENCE,
            ValidatorFixture.SKEW, List.of("at+jwt"), List.of());
    private static final AccessTokenRules CLIENTS = new AccessTokenRules(TestTokens.ISSUER, TestTokens.AUDIENCE,
            ValidatorFixture.SKEW, List.of(), List.of("app-a"));

    private AccessTokenValidator<Map<String, Object>> validator(int cacheSize) {
        return new AccessTokenValidator<>(f.verifier, cacheSize, claims -> {
            mapped.incrementAndGet();
            return claims;
        });
    }

    private void assertRejected(String token, AccessTokenRules rules, String rule) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> validator.validate(token, rules));
        ValidatorFixture.assertMessage(e, rule, token);
    }

    @Test
    void aTokenAcceptedUnderLaxRulesIsNotServedUnderStrictRules() throws Exception {
        String untyped = f.tokens.token().signWith(TestKeys.RSA_1);
        validator.validate(untyped, LAX);
        validator.validate(untyped, LAX);
        assertEquals(1, mapped.get(), "cached under the lax rules");
        assertRejected(untyped, STRICT, "token type not accepted");
        assertRejected(untyped, STRICT, "token type not accepted"); // a rejection is never cached as a success
        validator.validate(untyped, LAX);
        assertEquals(1, mapped.get());
    }

    @Test
    void aTokenAcceptedUnderStrictRulesIsVerifiedAgainUnderLaxRules() throws Exception {
        String typed = f.tokens.token().header("typ", "at+jwt").signWith(TestKeys.RSA_1);
        validator.validate(typed, STRICT);
        validator.validate(typed, LAX);
        assertEquals(2, mapped.get(), "each set of rules verifies on its own");
        validator.validate(typed, STRICT);
        validator.validate(typed, LAX);
        assertEquals(2, mapped.get());

        String untyped = f.tokens.token().signWith(TestKeys.RSA_1);
        assertRejected(untyped, STRICT, "token type not accepted");
        validator.validate(untyped, LAX);
        assertRejected(untyped, STRICT, "token type not accepted");
    }

    @Test
    void allowedClientsAndAudiencesAreIsolatedToo() throws Exception {
        String other = f.tokens.token().claim("azp", "app-b").signWith(TestKeys.RSA_1);
        validator.validate(other, LAX);
        assertRejected(other, CLIENTS, "client not allowed");
        assertRejected(other, LAX.withAudience("another-api"), "audience mismatch");
    }

    @Test
    void twoValidatorsWithDifferentRulesDoNotShareAnything() throws Exception {
        AccessTokenValidator<Map<String, Object>> strictOne = validator(100);
        String untyped = f.tokens.token().signWith(TestKeys.RSA_1);
        validator.validate(untyped, LAX);
        TokenRejectedException e = assertThrows(TokenRejectedException.class,
                () -> strictOne.validate(untyped, STRICT));
        ValidatorFixture.assertMessage(e, "token type not accepted", untyped);
    }

    @Test
    void cacheSizeZeroVerifiesEveryCall() throws Exception {
        AccessTokenValidator<Map<String, Object>> uncached = validator(0);
        String token = f.tokens.token().signWith(TestKeys.RSA_1);
        for (int i = 0; i < 5; i++) {
            uncached.validate(token, LAX);
        }
        assertEquals(5, mapped.get(), "no cache: every call verifies and maps");
        assertEquals(0, uncached.cached());
        assertEquals(1, f.fetcher.fetches(), "the keys themselves are still cached by the key source");
        // and with a cache, once
        validator.validate(token, LAX);
        validator.validate(token, LAX);
        assertEquals(6, mapped.get());
        assertEquals(1, validator.cached());
    }
}
