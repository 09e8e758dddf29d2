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
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** Validated tokens are served from a bounded, hash-keyed cache until they expire. */
class VerifiedTokenCacheTest {

    private static final Function<JsonObject, JsonObject> ID = Function.identity();
    private final ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1);

    @Test
    void repeatedTokenSkipsKeyLookupAndSignature() throws Exception {
        String token = f.tokens.token().signWith(TestKeys.RSA_1);
        JsonObject first = f.validate(token);
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
                () -> f.validator.validate(token, TestTokens.ISSUER, "another-api"));
        ValidatorFixture.assertMessage(e, "audience mismatch", token);
        e = assertThrows(TokenRejectedException.class,
                () -> f.validator.validate(token, "https://other.example", TestTokens.AUDIENCE));
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
        VerifiedTokenCache.Key key = VerifiedTokenCache.key(token, "iss", "aud");
        assertEquals(key, VerifiedTokenCache.key(token, "iss", "aud"));
        assertNotEquals(key, VerifiedTokenCache.key(token, "iss", "aud2"));
        assertNotEquals(key, VerifiedTokenCache.key(token + "A", "iss", "aud"));
        for (String part : token.split("\\.")) {
            assertFalse(key.toString().contains(part));
        }
    }

    @Test
    void cacheIsBounded() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(100);
        Instant now = Instant.now();
        JsonObject claims = Json.createObjectBuilder().add("sub", "x").build();
        for (int i = 0; i < 1000; i++) {
            cache.put(VerifiedTokenCache.key("token" + i, "iss", "aud"), claims, now.plusSeconds(60), now, ID);
            assertTrue(cache.size() <= 100, "size " + cache.size());
        }
        assertSame(claims, cache.get(VerifiedTokenCache.key("token999", "iss", "aud"), now, ID));
    }

    @Test
    void expiredEntriesAreSweptFirstWhenFull() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        Instant now = Instant.now();
        JsonObject claims = Json.createObjectBuilder().build();
        for (int i = 0; i < 5; i++) {
            cache.put(VerifiedTokenCache.key("live" + i, "i", "a"), claims, now.plusSeconds(600), now, ID);
        }
        for (int i = 0; i < 5; i++) {
            cache.put(VerifiedTokenCache.key("short" + i, "i", "a"), claims, now.plusSeconds(5), now, ID);
        }
        Instant later = now.plusSeconds(10);
        cache.put(VerifiedTokenCache.key("new", "i", "a"), claims, later.plusSeconds(600), later, ID);
        assertEquals(6, cache.size());
        for (int i = 0; i < 5; i++) {
            assertSame(claims, cache.get(VerifiedTokenCache.key("live" + i, "i", "a"), later, ID));
        }
        assertNull(cache.get(VerifiedTokenCache.key("short0", "i", "a"), later, ID));
    }

    @Test
    void aHitReturnsTheMappingOfTheMapperThatCachedIt() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        JsonObject claims = jakarta.json.Json.createObjectBuilder().add("sub", "u1").build();
        Function<JsonObject, String> subject = c -> new String(c.getString("sub"));
        VerifiedTokenCache.Key key = VerifiedTokenCache.key("t", "i", "a");
        String mapped = cache.put(key, claims, now.plusSeconds(60), now, subject);
        assertSame(mapped, cache.get(key, now, subject), "the same mapper gets the cached mapping");
        assertEquals("u1", cache.get(key, now, c -> c.getString("sub")), "another mapper maps again");
        assertSame(claims, cache.get(key, now, ID));
    }
}
