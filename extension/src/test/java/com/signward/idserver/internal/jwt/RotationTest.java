package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A key rotation right after start is picked up by the first token with the new kid: the unknown-kid refetch budget
 * is separate from the initial (and periodic) fetch; floods of unknown kids still cost at most one fetch per
 * interval.
 */
@Timeout(60)
class RotationTest {
    private static final Duration INTERVAL = ValidatorFixture.MIN_REFRESH_INTERVAL;
    private static final RsaJsonWebKey NEW_KEY = TestKeys.rsa("rsa-new", 2048);

    private final ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1);
    private ExecutorService pool;

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void rotationRightAfterTheFirstFetchIsPickedUpAtOnce() throws Exception {
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(1, f.fetcher.fetches());
        f.fetcher.serve(TestKeys.RSA_1, NEW_KEY);
        f.validate(f.tokens.token().signWith(NEW_KEY)); // same instant: no clock advance
        assertEquals(2, f.fetcher.fetches(), "exactly one extra fetch");
        f.validate(f.tokens.token().signWith(NEW_KEY));
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(2, f.fetcher.fetches());
    }

    @Test
    void rotationRightAfterStartUnder200ConcurrentThreadsCausesOneFetch() throws Exception {
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        f.fetcher.serve(TestKeys.RSA_1, NEW_KEY);
        f.fetcher.delay(100);
        List<String> rotated = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rotated.add(f.tokens.token().signWith(NEW_KEY));
        }
        AtomicInteger accepted = new AtomicInteger();
        pool = Executors.newFixedThreadPool(200);
        CountDownLatch ready = new CountDownLatch(200);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String token = rotated.get(i);
            results.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                f.validate(token);
                accepted.incrementAndGet();
                return null;
            }));
        }
        assertTrue(ready.await(10, TimeUnit.SECONDS));
        go.countDown();
        for (Future<?> result : results) {
            result.get(30, TimeUnit.SECONDS);
        }
        assertEquals(200, accepted.get());
        assertEquals(2, f.fetcher.fetches(), "exactly one extra fetch");
    }

    @Test
    void randomUnknownKidsCostAtMostOneFetchPerInterval() throws Exception {
        SecureRandom random = new SecureRandom();
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        String template = f.tokens.token().signWith(TestKeys.RSA_1);
        for (int i = 0; i < 10_000; i++) {
            f.assertRejected(TestTokens.withHeader(template, "{\"alg\":\"RS256\",\"kid\":\""
                    + TestKeys.randomKid(random) + "\"}"), "unknown key id");
        }
        assertEquals(2, f.fetcher.fetches(), "one unknown-kid fetch in the interval");

        f.clock.advance(INTERVAL.minusSeconds(1));
        f.assertRejected(TestTokens.withHeader(template, "{\"alg\":\"RS256\",\"kid\":\"late\"}"), "unknown key id");
        assertEquals(2, f.fetcher.fetches(), "still within the interval");

        f.clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 1_000; i++) {
            f.assertRejected(TestTokens.withHeader(template, "{\"alg\":\"RS256\",\"kid\":\""
                    + TestKeys.randomKid(random) + "\"}"), "unknown key id");
        }
        assertEquals(3, f.fetcher.fetches(), "the next interval allows exactly one more");
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1)); // known keys unaffected
        assertEquals(3, f.fetcher.fetches());
    }
}
