package com.signward.idserver.internal.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Access tokens obtained at the token endpoint, kept by key until shortly before they expire, with single flight:
 * callers asking for the same key while its token is being fetched share that one request. A token is fetched
 * again when less than half of its lifetime, at most {@link #MAX_EARLY}, is left ({@code expires_in}; without it
 * {@link #DEFAULT_LIFETIME} is assumed). A failure answers the callers that shared it and is remembered for
 * {@link #FAILURE_BACKOFF}, so a broken token endpoint is not called by every request. Bounded: past
 * {@code maxEntries} keys, stale entries and then completed ones are dropped. Thread-safe; never logs a token.
 */
public final class CachedTokens {

    static final Duration MAX_EARLY = Duration.ofSeconds(60);
    static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    static final Duration FAILURE_BACKOFF = Duration.ofSeconds(5);

    private static final class Flight {
        final CompletableFuture<String> token = new CompletableFuture<>();
        /** When the entry must be replaced; {@code null} while the request runs. */
        volatile Instant renewAt;
    }

    private final Map<String, Flight> flights = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    public CachedTokens(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The cached token of {@code key}, or the one request in flight for it, or a new request made with
     * {@code fetch}.
     *
     * @throws ProviderException when the token request failed
     */
    public String get(String key, Supplier<CompletableFuture<TokenSet>> fetch) {
        Instant now = clock.instant();
        Flight current = flights.get(key);
        if (current == null || stale(current, now)) {
            Flight fresh = new Flight();
            current = flights.compute(key, (k, old) -> old == null || stale(old, now) ? fresh : old);
            if (current == fresh) {
                purge(now);
                start(fresh, fetch);
            }
        }
        return Http.await(current.token);
    }

    /** For tests: the keys remembered. */
    int size() {
        return flights.size();
    }

    private void start(Flight flight, Supplier<CompletableFuture<TokenSet>> fetch) {
        CompletableFuture<TokenSet> request;
        try {
            request = fetch.get();
        } catch (RuntimeException e) {
            request = CompletableFuture.failedFuture(e);
        }
        request.whenComplete((tokens, failure) -> {
            Instant done = clock.instant();
            if (failure != null) {
                flight.renewAt = done.plus(FAILURE_BACKOFF);
                flight.token.completeExceptionally(Http.unwrap(failure));
            } else {
                Duration lifetime = tokens.expiresIn() > 0 ? Duration.ofSeconds(tokens.expiresIn()) : DEFAULT_LIFETIME;
                Duration early = lifetime.dividedBy(2).compareTo(MAX_EARLY) < 0 ? lifetime.dividedBy(2) : MAX_EARLY;
                flight.renewAt = done.plus(lifetime).minus(early);
                flight.token.complete(tokens.accessToken());
            }
        });
    }

    private static boolean stale(Flight flight, Instant now) {
        Instant renewAt = flight.renewAt;
        return renewAt != null && !now.isBefore(renewAt);
    }

    private void purge(Instant now) {
        if (flights.size() <= maxEntries) {
            return;
        }
        flights.values().removeIf(flight -> stale(flight, now));
        if (flights.size() > maxEntries) {
            flights.values().removeIf(flight -> flight.renewAt != null);
        }
    }
}
