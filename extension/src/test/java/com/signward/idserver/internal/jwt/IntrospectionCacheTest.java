package com.signward.idserver.internal.jwt;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The introspection cache: keys by hash and rules, lifetime min(exp, now + ttl), bounded, thread-safe. */
class IntrospectionCacheTest {

    private static final AccessTokenRules RULES = new AccessTokenRules("https://t.signward.com", "api",
            Duration.ofSeconds(10), List.of(), List.of());

    private final MutableClock clock = new MutableClock();

    @Test
    void hitMissAndKeysByRules() {
        IntrospectionCache<String> cache = new IntrospectionCache<>(10, Duration.ofMinutes(5), clock);
        assertNull(cache.get("tok", RULES));
        cache.put("tok", RULES, null, "ada");
        assertEquals("ada", cache.get("tok", RULES));
        assertNull(cache.get("tok2", RULES));
        assertNull(cache.get("tok", RULES.withAudience("other")), "another audience never sees the entry");
    }

    @Test
    void anEntryLivesUntilTheTtl() {
        IntrospectionCache<String> cache = new IntrospectionCache<>(10, Duration.ofMinutes(5), clock);
        cache.put("tok", RULES, clock.instant().plus(Duration.ofHours(1)), "ada");
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertEquals("ada", cache.get("tok", RULES));
        clock.advance(Duration.ofMillis(1));
        assertNull(cache.get("tok", RULES));
        assertEquals(0, cache.size(), "an ended entry is dropped");
    }

    @Test
    void anEntryEndsAtExpWhenThatIsEarlier() {
        IntrospectionCache<String> cache = new IntrospectionCache<>(10, Duration.ofMinutes(5), clock);
        Instant exp = clock.instant().plusSeconds(30);
        cache.put("tok", RULES, exp, "ada");
        clock.advance(Duration.ofSeconds(29));
        assertEquals("ada", cache.get("tok", RULES));
        clock.advance(Duration.ofSeconds(1));
        assertNull(cache.get("tok", RULES));
    }

    @Test
    void sizeZeroOrTtlZeroKeepsNothing() {
        IntrospectionCache<String> none = new IntrospectionCache<>(0, Duration.ofMinutes(5), clock);
        none.put("tok", RULES, null, "ada");
        assertNull(none.get("tok", RULES));
        IntrospectionCache<String> noTtl = new IntrospectionCache<>(10, Duration.ZERO, clock);
        noTtl.put("tok", RULES, null, "ada");
        assertNull(noTtl.get("tok", RULES));
    }

    @Test
    void boundedAndExpiredEntriesGoFirst() {
        IntrospectionCache<String> cache = new IntrospectionCache<>(100, Duration.ofMinutes(5), clock);
        for (int i = 0; i < 1_000; i++) {
            cache.put("tok" + i, RULES, null, "u" + i);
            assertTrue(cache.size() <= 100, "size " + cache.size());
        }
        assertEquals("u999", cache.get("tok999", RULES));
    }

    @Test
    void keysAreHashesNotTokens() {
        VerifiedTokenCache.Key key = VerifiedTokenCache.key("secret-token", RULES);
        assertTrue(!key.toString().contains("secret-token"));
        assertEquals(key, VerifiedTokenCache.key("secret-token", RULES));
        assertNotEquals(key, VerifiedTokenCache.key("secret-tokem", RULES));
    }

    @Test
    void threadSafe() throws Exception {
        IntrospectionCache<String> cache = new IntrospectionCache<>(50, Duration.ofMinutes(5), clock);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String token = "t" + thread + "-" + (i % 80);
                        if (cache.get(token, RULES) == null) {
                            cache.put(token, RULES, null, token);
                        } else {
                            assertEquals(token, cache.get(token, RULES));
                        }
                    }
                });
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertTrue(cache.size() <= 50);
    }
}
