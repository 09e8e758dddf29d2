package com.signward.idserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import com.signward.idserver.ResilienceJwksTest.LoopbackProvider;
import com.signward.idserver.ResilienceJwksTest.Minter;
import com.signward.idserver.internal.jwt.MutableClock;

/**
 * A provider slower than the client's timeout, and many concurrent callers with different users. Bounds on
 * time are generous (a multiple of the configured timeout) and only guard against threads hanging.
 */
@ExtendWith(ExpectedWarnings.class) // provokes the SDK's warnings on purpose: they go to target/expected-warnings.log
class ResilienceLoadTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final Duration SLOW = Duration.ofSeconds(5);
    private static final long BOUND_MILLIS = 3 * TIMEOUT.toMillis();
    private static final int CALLERS = 40;

    private final MutableClock clock = new MutableClock();
    private LoopbackProvider provider;
    private SignwardClient client;
    private Minter minter;

    @BeforeEach
    void start() throws IOException {
        provider = new LoopbackProvider(ResilienceJwksTest.RSA_1, ResilienceJwksTest.EC_1);
        provider.cacheControl("max-age=60");
        minter = new Minter(provider.base());
        SignwardOptions options = SignwardOptions.builder().authority(provider.base()).clientId("resilience")
                .timeout(TIMEOUT).build();
        client = new SignwardClient(options, null, clock); // its own HTTP client, closed with it
    }

    @AfterEach
    void stop() {
        client.close();
        provider.close();
    }

    @Test
    @Timeout(30)
    void slowDiscoveryFailsFastForEveryCallerWithDiscoveryException() throws Exception {
        provider.discoveryDelay(SLOW);
        List<Failure> failures = callConcurrently(CALLERS);
        for (Failure failure : failures) {
            DiscoveryException e = assertInstanceOf(DiscoveryException.class, failure.error());
            assertTrue(e.getMessage().contains("timed out after 500 ms"), e.getMessage());
            assertTrue(failure.millis() < BOUND_MILLIS, "took " + failure.millis() + " ms");
        }
        // callers share the request in flight; a failure is not cached, so a caller that arrives only after it
        // failed (a slow machine) starts one more: never one per caller
        assertTrue(provider.discoveryHits() <= 2, provider.discoveryHits() + " discovery requests");
    }

    @Test
    @Timeout(30)
    void slowJwksFailsFastWithKeysUnavailableAndIsNotAskedAgainAtOnce() throws Exception {
        client.discovery(); // discovery answers quickly; only the JWKS endpoint hangs
        provider.jwksDelay(SLOW);
        List<Failure> failures = callConcurrently(CALLERS);
        for (Failure failure : failures) {
            SignwardException e = assertInstanceOf(SignwardException.class, failure.error());
            assertFalse(e instanceof InvalidTokenException, "a server-side problem, not a bad token");
            assertTrue(e.getMessage().startsWith("signing keys unavailable"), e.getMessage());
            assertNull(e.getCause());
            assertTrue(failure.millis() < BOUND_MILLIS, "took " + failure.millis() + " ms");
        }
        assertEquals(1, provider.jwksHits(), "concurrent callers share one JWKS request");

        String token = minter.token(ResilienceJwksTest.RSA_1, UUID.randomUUID());
        long started = System.nanoTime();
        Failure again = call(token);
        assertInstanceOf(SignwardException.class, again.error());
        assertFalse(again.error() instanceof InvalidTokenException);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < TIMEOUT.toMillis(),
                "within the minimum refresh interval the slow endpoint is not called again");
        assertEquals(1, provider.jwksHits());
    }

    @Test
    @Timeout(30)
    void slowJwksRefreshDoesNotBreakValidationWithKnownKeys() throws Exception {
        UUID user = UUID.randomUUID();
        assertEquals(user, client.validateToken(minter.token(ResilienceJwksTest.RSA_1, user)).userId());
        provider.jwksDelay(SLOW);
        clock.advance(Duration.ofMinutes(2)); // keys due for refresh; the refresh times out
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            tokens.add(minter.token(i % 2 == 0 ? ResilienceJwksTest.RSA_1 : ResilienceJwksTest.EC_1, user));
        }
        List<Long> millis = ResilienceJwksTest.runTogether(CALLERS, i -> {
            long started = System.nanoTime();
            assertEquals(user, client.validateToken(tokens.get(i)).userId());
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        });
        for (long ms : millis) {
            assertTrue(ms < BOUND_MILLIS, "took " + ms + " ms");
        }
        assertEquals(2, provider.jwksHits());
    }

    @Test
    @Timeout(60)
    void twoHundredConcurrentCallersWithMixedUsersEachGetTheirOwnUser() throws Exception {
        int users = 50;
        int tokensPerUser = 8;
        List<UUID> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            UUID id = UUID.randomUUID();
            for (int t = 0; t < tokensPerUser; t++) {
                PublicJsonWebKey key = (u + t) % 2 == 0 ? ResilienceJwksTest.RSA_1 : ResilienceJwksTest.EC_1;
                ids.add(id);
                tokens.add(minter.token(key, id));
            }
        }
        int threads = 200;
        int callsPerThread = 200;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        AtomicLong calls = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < callsPerThread && System.nanoTime() < deadline; i++) {
                        int pick = random.nextInt(tokens.size());
                        try {
                            SignwardUser user = client.validateToken(tokens.get(pick));
                            UUID expected = ids.get(pick);
                            if (!expected.equals(user.userId()) || !(expected + "@example.test").equals(user.email())) {
                                throw new AssertionError("token of " + expected + " answered " + user.userId());
                            }
                        } catch (RuntimeException | AssertionError e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.toString());
                        }
                        calls.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, errors.get(), () -> "first error: " + firstError.get());
        assertTrue(calls.get() >= threads, "every caller ran: " + calls.get());
        assertEquals(1, provider.jwksHits());
        assertEquals(1, provider.discoveryHits());
    }

    private record Failure(Throwable error, long millis) {
    }

    private Failure call(String token) {
        long started = System.nanoTime();
        try {
            client.validateToken(token);
            return new Failure(null, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            return new Failure(e, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    /** Calls from n threads of a bounded pool at once; every task must complete within the bound. */
    private List<Failure> callConcurrently(int n) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tokens.add(minter.token(ResilienceJwksTest.RSA_1, UUID.randomUUID()));
        }
        List<Failure> failures = ResilienceJwksTest.runTogether(n, i -> call(tokens.get(i)));
        assertEquals(n, failures.size());
        for (Failure failure : failures) {
            assertInstanceOf(SignwardException.class, failure.error());
        }
        return failures;
    }
}
