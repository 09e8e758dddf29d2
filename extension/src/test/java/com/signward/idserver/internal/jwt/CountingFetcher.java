package com.signward.idserver.internal.jwt;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jose4j.jwk.JsonWebKey;

/** A JWKS fetcher the test controls: the key set served, max-age, failure, latency; counts fetches. */
final class CountingFetcher implements JwksFetcher {
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String body;
    private volatile Optional<Duration> maxAge = Optional.empty();
    private volatile boolean failing;
    private volatile long delayMillis;
    private volatile java.util.concurrent.CountDownLatch gate;
    private final java.util.concurrent.Semaphore entered = new java.util.concurrent.Semaphore(0);

    CountingFetcher(JsonWebKey... keys) {
        serve(keys);
    }

    /** Serves these keys: public parts, plus the secret of {@code oct} keys. */
    void serve(JsonWebKey... keys) {
        body = jwks(List.of(keys));
    }

    void serveBody(String json) {
        body = json;
    }

    void maxAge(Duration age) {
        maxAge = Optional.ofNullable(age);
    }

    void failing(boolean fail) {
        failing = fail;
    }

    void delay(long millis) {
        delayMillis = millis;
    }

    /** Makes fetches block until the returned latch is counted down. */
    java.util.concurrent.CountDownLatch hold() {
        entered.drainPermits();
        gate = new java.util.concurrent.CountDownLatch(1);
        return gate;
    }

    /** Waits until a fetch has started. */
    boolean awaitFetchStarted() throws InterruptedException {
        return entered.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    int fetches() {
        return fetches.get();
    }

    @Override
    public JwksResponse fetch() throws IOException {
        fetches.incrementAndGet();
        entered.release();
        java.util.concurrent.CountDownLatch held = gate;
        if (held != null) {
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        if (failing) {
            throw new IOException("JWKS endpoint returned HTTP 503");
        }
        return new JwksResponse(body, maxAge);
    }

    static String jwks(List<JsonWebKey> keys) {
        return keys.stream()
                .map(key -> key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC))
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }
}
