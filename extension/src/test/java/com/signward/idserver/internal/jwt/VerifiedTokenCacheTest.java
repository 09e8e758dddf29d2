package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Validated tokens are served from a bounded, hash-keyed cache until they expire. */
class VerifiedTokenCacheTest {

    private static final AccessTokenRules RULES = rules("iss", "aud");
    private final ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1);

    @Test
    void repeatedTokenSkipsKeyLookupAndSignature() throws Exception {
        String token = f.tokens.token().signWith(TestKeys.RSA_1);
        Map<String, Object> first = f.validate(token);
        assertEquals(1, f.fetcher.fetches());
        f.keySource.invalidate(); // a key lookup would now fetch again
        assertSame(first, f.validate(token));
        assertEquals(1, f.fetcher.fetches(), "served from the cache: no key lookup, no signature check");
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(2, f.fetcher.fetches(), "a new token goes through the key source");
    }

    @Test
    void cachedTokenIsRejectedOnceExpired() throws Exception {
        String token = f.tokens.token().time("exp", 60).signWith(TestKeys.RSA_1);
        f.validate(token);
        f.clock.advance(Duration.ofSeconds(69));
        f.validate(token);
        f.clock.advance(Duration.ofSeconds(1)); // exp + 10 s skew reached
        f.assertRejected(token, "token expired");
        f.assertRejected(token, "token expired"); // evicted, and rejected again by the full check
        assertEquals(1, f.fetcher.fetches());
    }

    @Test
    void cacheIsPerIssuerAndAudience() throws Exception {
        String token = f.tokens.token().signWith(TestKeys.RSA_1);
        f.validate(token);
        TokenRejectedException e = assertThrows(TokenRejectedException.class,
                () -> f.validator.validate(token, ValidatorFixture.rules().withAudience("another-api")));
        ValidatorFixture.assertMessage(e, "audience mismatch", token);
        e = assertThrows(TokenRejectedException.class,
                () -> f.validator.validate(token, rules("https://other.example", TestTokens.AUDIENCE)));
        ValidatorFixture.assertMessage(e, "issuer mismatch", token);
    }

    @Test
    void alteredTokenIsNotServedFromTheCache() throws Exception {
        String token = f.tokens.token().signWith(TestKeys.RSA_1);
        f.validate(token);
        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A')
                + token.charAt(token.length() - 1);
        f.assertRejected(altered, "signature invalid");
    }

    @Test
    void keyHoldsAHashNotTheToken() {
        String token = f.tokens.token().signWith(TestKeys.RSA_1);
        VerifiedTokenCache.Key key = VerifiedTokenCache.key(token, RULES);
        assertEquals(key, VerifiedTokenCache.key(token, rules("iss", "aud")));
        assertNotEquals(key, VerifiedTokenCache.key(token, rules("iss", "aud2")));
        assertNotEquals(key, VerifiedTokenCache.key(token, rules("iss2", "aud")));
        assertNotEquals(key, VerifiedTokenCache.key(token + "A", RULES));
        assertNotEquals(key, VerifiedTokenCache.key(token, new AccessTokenRules("iss", "aud", ValidatorFixture.SKEW,
                List.of("at+jwt"), List.of())));
        assertNotEquals(key, VerifiedTokenCache.key(token, new AccessTokenRules("iss", "aud", ValidatorFixture.SKEW,
                List.of(), List.of("client"))));
        for (String part : token.split("\\.")) {
            assertFalse(key.toString().contains(part));
        }
    }

    @Test
    void cacheIsBounded() throws Exception {
        VerifiedTokenCache<Map<String, Object>> cache = new VerifiedTokenCache<>(100);
        Instant now = Instant.now();
        Map<String, Object> claims = Map.of("sub", "x");
        for (int i = 0; i < 1000; i++) {
            cache.put(VerifiedTokenCache.key("token" + i, RULES), now.plusSeconds(60), claims, now);
            assertTrue(cache.size() <= 100, "size " + cache.size());
        }
        assertSame(claims, cache.get(VerifiedTokenCache.key("token999", RULES), now));
    }

    @Test
    void expiredEntriesAreSweptFirstWhenFull() throws Exception {
        VerifiedTokenCache<Map<String, Object>> cache = new VerifiedTokenCache<>(10);
        Instant now = Instant.now();
        Map<String, Object> claims = Map.of();
        for (int i = 0; i < 5; i++) {
            cache.put(VerifiedTokenCache.key("live" + i, RULES), now.plusSeconds(600), claims, now);
        }
        for (int i = 0; i < 5; i++) {
            cache.put(VerifiedTokenCache.key("short" + i, RULES), now.plusSeconds(5), claims, now);
        }
        Instant later = now.plusSeconds(10);
        cache.put(VerifiedTokenCache.key("new", RULES), later.plusSeconds(600), claims, later);
        assertEquals(6, cache.size());
        for (int i = 0; i < 5; i++) {
            assertSame(claims, cache.get(VerifiedTokenCache.key("live" + i, RULES), later));
        }
        assertNull(cache.get(VerifiedTokenCache.key("short0", RULES), later));
    }

    @Test
    void aHitReturnsTheMappingMadeTheFirstTime() throws Exception {
        AtomicInteger mappings = new AtomicInteger();
        AccessTokenValidator<String> subjects = new AccessTokenValidator<>(f.verifier, 10, claims -> {
            mappings.incrementAndGet();
            return new String((String) claims.get("sub"));
        });
        String token = f.tokens.token().claim("sub", "u1").signWith(TestKeys.RSA_1);
        String mapped = subjects.validate(token, ValidatorFixture.rules());
        assertEquals("u1", mapped);
        assertSame(mapped, subjects.validate(token, ValidatorFixture.rules()), "the cached mapping");
        assertEquals(1, mappings.get());
        assertEquals(1, subjects.cached());
    }

    @Test
    void negativeCapacityIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new VerifiedTokenCache<String>(-1));
        assertFalse(new VerifiedTokenCache<String>(0).enabled());
    }

    private static AccessTokenRules rules(String issuer, String audience) {
        return new AccessTokenRules(issuer, audience, ValidatorFixture.SKEW, List.of(), List.of());
    }
}
