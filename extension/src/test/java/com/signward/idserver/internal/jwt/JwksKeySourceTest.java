package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import com.signward.idserver.ExpectedWarnings;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rotation, unknown-kid floods, single flight, max-age and outages of the JWKS endpoint. */
@ExtendWith(ExpectedWarnings.class) // provokes the SDK's warnings on purpose: they go to target/expected-warnings.log
@Timeout(60)
class JwksKeySourceTest {
    private static final Duration INTERVAL = ValidatorFixture.MIN_REFRESH_INTERVAL;
    private final ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1);
    private final SecureRandom random = new SecureRandom();
    private ExecutorService pool;

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void newKidIsAcceptedAfterExactlyOneRefetch() throws Exception {
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(1, f.fetcher.fetches());
        f.fetcher.serve(TestKeys.RSA_1, TestKeys.RSA_2);
        f.clock.advance(INTERVAL);
        f.validate(f.tokens.token().signWith(TestKeys.RSA_2));
        assertEquals(2, f.fetcher.fetches());
        f.validate(f.tokens.token().signWith(TestKeys.RSA_2));
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(2, f.fetcher.fetches());
    }

    @Test
    void unknownKidRefetchesAtMostOncePerInterval() throws Exception {
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        // the initial fetch does not count against the unknown-kid budget: a rotation is picked up at once
        f.fetcher.serve(TestKeys.RSA_1, TestKeys.RSA_2);
        f.validate(f.tokens.token().signWith(TestKeys.RSA_2));
        assertEquals(2, f.fetcher.fetches());
        // the next unknown kid within the interval does not fetch again
        RsaJsonWebKey third = TestKeys.rsa("rsa-3", 2048);
        f.fetcher.serve(TestKeys.RSA_1, TestKeys.RSA_2, third);
        f.clock.advance(INTERVAL.minusSeconds(1));
        f.assertRejected(f.tokens.token().signWith(third), "unknown key id");
        assertEquals(2, f.fetcher.fetches(), "the last unknown-kid fetch was less than an interval ago");
        f.clock.advance(Duration.ofSeconds(1));
        f.validate(f.tokens.token().signWith(third));
        assertEquals(3, f.fetcher.fetches());
    }

    @Test
    void floodOfRandomKidsCausesOneFetch() throws Exception {
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        f.clock.advance(INTERVAL);
        for (int i = 0; i < 1000; i++) {
            f.assertRejected(f.tokens.token().kid(TestKeys.randomKid(random)).signWith(TestKeys.RSA_1),
                    "unknown key id");
        }
        assertEquals(2, f.fetcher.fetches());
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1)); // known keys unaffected
        assertEquals(2, f.fetcher.fetches());
    }

    @Test
    void concurrentFloodOfRandomKidsCausesOneFetch() throws Exception {
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        f.clock.advance(INTERVAL);
        f.fetcher.delay(50);
        List<String> flood = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            flood.add(f.tokens.token().kid(TestKeys.randomKid(random)).signWith(TestKeys.RSA_1));
        }
        AtomicInteger unknownKid = new AtomicInteger();
        runConcurrently(50, thread -> {
            for (int i = thread; i < flood.size(); i += 50) {
                try {
                    f.validate(flood.get(i));
                } catch (TokenRejectedException e) {
                    if (e.getMessage().equals(Rejections.UNKNOWN_KID)) {
                        unknownKid.incrementAndGet();
                    }
                }
            }
            return null;
        });
        assertEquals(1000, unknownKid.get());
        assertEquals(2, f.fetcher.fetches());
    }

    @Test
    void rotationUnder200ConcurrentValidationsCausesOneFetch() throws Exception {
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        f.fetcher.serve(TestKeys.RSA_1, TestKeys.RSA_2);
        f.fetcher.delay(100);
        f.clock.advance(INTERVAL);
        List<String> rotated = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rotated.add(f.tokens.token().signWith(TestKeys.RSA_2));
        }
        AtomicInteger accepted = new AtomicInteger();
        runConcurrently(200, thread -> {
            f.validate(rotated.get(thread));
            accepted.incrementAndGet();
            return null;
        });
        assertEquals(200, accepted.get());
        assertEquals(2, f.fetcher.fetches());
    }

    @Test
    void concurrentFirstCallersShareOneFetch() throws Exception {
        f.fetcher.delay(100);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tokens.add(f.tokens.token().signWith(TestKeys.RSA_1));
        }
        runConcurrently(50, thread -> f.validate(tokens.get(thread)));
        assertEquals(1, f.fetcher.fetches());
    }

    @Test
    void onlyTheRefreshingCallerWaitsWhileKeysAreStillUsable() throws Exception {
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        f.clock.advance(JwksKeySource.DEFAULT_MAX_AGE);
        CountDownLatch release = f.fetcher.hold();
        pool = Executors.newSingleThreadExecutor();
        Future<?> refreshing = pool.submit(() -> f.validate(f.tokens.token().signWith(TestKeys.RSA_1)));
        assertTrue(f.fetcher.awaitFetchStarted());
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1)); // returns although the fetch is still blocked
        assertFalse(refreshing.isDone());
        release.countDown();
        refreshing.get(10, TimeUnit.SECONDS);
        assertEquals(2, f.fetcher.fetches());
    }

    @Test
    void outageKeepsKnownKeysUntilMaxStaleThenRejects() throws Exception {
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        f.fetcher.failing(true);
        f.clock.advance(Duration.ofMinutes(11)); // past the default 10 min max-age: refresh fails
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(2, f.fetcher.fetches());
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(2, f.fetcher.fetches(), "no retry on every call");
        f.clock.advance(INTERVAL);
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(3, f.fetcher.fetches(), "retried after the interval");

        f.clock.advance(Duration.ofHours(24).minusMinutes(11).minus(INTERVAL).minusSeconds(1));
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1)); // 1 s before max-stale
        f.clock.advance(Duration.ofSeconds(1));
        ValidatorFixture.assertUnavailable(() -> f.validate(f.tokens.token().signWith(TestKeys.RSA_1)));
        ValidatorFixture.assertUnavailable(() -> f.validate(f.tokens.token().kid("other").signWith(TestKeys.RSA_1)));

        f.fetcher.failing(false);
        f.clock.advance(INTERVAL);
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
    }

    @Test
    void unknownKidDuringOutageIsRejectedAndKnownKeysKeepWorking() throws Exception {
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        f.fetcher.failing(true);
        f.clock.advance(INTERVAL);
        f.assertRejected(f.tokens.token().signWith(TestKeys.RSA_2), "unknown key id");
        assertEquals(2, f.fetcher.fetches());
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(2, f.fetcher.fetches());
    }

    @Test
    void firstFetchFailingRejectsWithoutAnException() throws Exception {
        f.fetcher.failing(true);
        String token = f.tokens.token().signWith(TestKeys.RSA_1);
        ValidatorFixture.assertUnavailable(() -> f.validate(token));
        ValidatorFixture.assertUnavailable(() -> f.validate(token));
        assertEquals(1, f.fetcher.fetches(), "a failed fetch is not retried before the interval");
        f.fetcher.failing(false);
        f.clock.advance(INTERVAL);
        f.validate(token);
        assertEquals(2, f.fetcher.fetches());
    }

    @Test
    void fetcherBugIsASignwardRejectionNotACrash() {
        JwksKeySource broken = new JwksKeySource(() -> {
            throw new IllegalStateException("bug");
        }, INTERVAL, ValidatorFixture.MAX_STALE, f.clock);
        JwtVerifier verifier = new JwtVerifier(new JwksKeys(broken), ValidatorFixture.policy(false), f.clock);
        String token = f.tokens.token().signWith(TestKeys.RSA_1);
        KeysUnavailableException e = ValidatorFixture.assertUnavailable(
                () -> verifier.verify(token, ValidatorFixture.rules()));
        assertFalse(e.getMessage().contains("bug"));
    }

    @Test
    void documentsThatAreNoUsableJwksCountAsFailures() throws Exception {
        for (String body : List.of("not json", "[]", "{}", "{\"keys\":{}}", "{\"keys\":[]}",
                "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"enc\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}")) {
            ValidatorFixture g = new ValidatorFixture(TestKeys.RSA_1);
            g.fetcher.serveBody(body);
            ValidatorFixture.assertUnavailable(() -> g.validate(g.tokens.token().signWith(TestKeys.RSA_1)));
        }
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        f.fetcher.serveBody("{\"keys\":[]}");
        f.keySource.invalidate();
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1)); // the empty set did not replace the good one
        assertEquals(2, f.fetcher.fetches());
    }

    @Test
    void invalidateForcesAFetchEvenWithinTheInterval() throws Exception {
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        f.fetcher.serve(TestKeys.RSA_2);
        f.keySource.invalidate();
        f.validate(f.tokens.token().signWith(TestKeys.RSA_2));
        assertEquals(2, f.fetcher.fetches());
        // rotated out: the unknown kid may fetch once (its budget is separate from the forced fetch), then not again
        f.assertRejected(f.tokens.token().signWith(TestKeys.RSA_1), "unknown key id");
        assertEquals(3, f.fetcher.fetches());
        f.assertRejected(f.tokens.token().signWith(TestKeys.RSA_1), "unknown key id");
        assertEquals(3, f.fetcher.fetches());
    }

    @Test
    void maxAgeIsHonouredWithinBounds() throws Exception {
        assertRefreshAfter(Optional.of(Duration.ofMinutes(5)), Duration.ofMinutes(5));
        assertRefreshAfter(Optional.empty(), JwksKeySource.DEFAULT_MAX_AGE);
        assertRefreshAfter(Optional.of(Duration.ZERO), JwksKeySource.MIN_MAX_AGE);
        assertRefreshAfter(Optional.of(Duration.ofDays(30)), JwksKeySource.MAX_MAX_AGE);
    }

    private void assertRefreshAfter(Optional<Duration> maxAge, Duration expected) throws Exception {
        ValidatorFixture g = new ValidatorFixture(TestKeys.RSA_1);
        g.fetcher.maxAge(maxAge.orElse(null));
        g.validate(g.tokens.token().signWith(TestKeys.RSA_1));
        g.clock.advance(expected.minusSeconds(1));
        g.validate(g.tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(1, g.fetcher.fetches(), () -> "still fresh with max-age " + maxAge);
        g.clock.advance(Duration.ofSeconds(1));
        g.validate(g.tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(2, g.fetcher.fetches(), () -> "refreshed after " + expected);
    }

    @Test
    void logsNeverContainKeyMaterial() throws Exception {
        OctetSequenceJsonWebKey secret = TestKeys.oct("hmac", 256);
        OctetSequenceJsonWebKey shortSecret = TestKeys.oct("short", 64);
        String k = secret.toParams(org.jose4j.jwk.JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC).get("k")
                .toString();
        String shortK = shortSecret.toParams(org.jose4j.jwk.JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC)
                .get("k").toString();
        List<String> messages = new ArrayList<>();
        Logger logger = Logger.getLogger("com.signward.idserver.internal.jwt");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try {
            ValidatorFixture g = new ValidatorFixture(true, TestKeys.RSA_1, secret, shortSecret);
            g.validate(g.tokens.token().signWith(TestKeys.RSA_1));
            g.fetcher.serveBody("{\"keys\":[{\"kty\":\"oct\",\"k\":\"" + k + "\"" + "]}"); // broken JSON
            g.fetcher.failing(false);
            g.keySource.invalidate();
            g.validate(g.tokens.token().signWith(TestKeys.RSA_1));
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }
        assertTrue(messages.stream().anyMatch(m -> m.contains("skipped")), () -> "logged: " + messages);
        assertTrue(messages.stream().anyMatch(m -> m.contains("JWKS document is not a JSON object")),
                () -> "logged: " + messages);
        assertFalse(messages.stream().anyMatch(m -> m.contains(k) || m.contains(shortK)), "key material logged");
    }

    @Test
    void settingsRejectNonsense() {
        // the bounds (and the 30 s / 24 h defaults) are SignwardOptions' (see SignwardOptionsTest)
        assertThrows(NullPointerException.class, () -> new JwksKeySource(f.fetcher, null, Duration.ofHours(1),
                f.clock));
        assertThrows(NullPointerException.class, () -> new JwksKeySource(f.fetcher, INTERVAL, null, f.clock));
        assertThrows(NullPointerException.class, () -> new JwksKeySource(null, INTERVAL, Duration.ofHours(1),
                f.clock));
        assertThrows(NullPointerException.class, () -> new JwksKeySource(f.fetcher, INTERVAL, Duration.ofHours(1),
                null));
    }

    /** Runs {@code task(i)} for i in 0..threads-1, all released at once; rethrows the first failure. */
    private void runConcurrently(int threads, ThreadTask task) throws Exception {
        pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int thread = i;
            Callable<Object> call = () -> {
                ready.countDown();
                go.await();
                return task.run(thread);
            };
            results.add(pool.submit(call));
        }
        assertTrue(ready.await(10, TimeUnit.SECONDS));
        go.countDown();
        for (Future<Object> result : results) {
            result.get(30, TimeUnit.SECONDS);
        }
    }

    @FunctionalInterface
    private interface ThreadTask {
        Object run(int thread) throws Exception;
    }
}
