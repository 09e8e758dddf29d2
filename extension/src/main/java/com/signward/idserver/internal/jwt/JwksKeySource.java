package com.signward.idserver.internal.jwt;

import com.signward.idserver.internal.metrics.MetricNames;
import com.signward.idserver.internal.metrics.SignwardMetrics;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The signing keys of the identity server's JWKS, looked up by {@code kid}. Thread-safe; share one instance.
 *
 * <ul>
 *   <li>Fetched lazily on first use. The key set is refreshed when its {@code Cache-Control: max-age} (clamped to
 *       1 min .. 24 h; 10 min when absent) has run out, by the first caller that needs keys after that.</li>
 *   <li>An unknown {@code kid} triggers a re-fetch even right after the initial or a periodic fetch (a key rotation
 *       is picked up by the first token that carries the new {@code kid}). Unknown-kid re-fetches are single-flight
 *       and at most one per {@code minRefreshInterval} among themselves: a flood of tokens with random {@code kid}s
 *       costs at most one fetch per interval. After a failed fetch, no fetch is tried before the interval.</li>
 *   <li>When a fetch fails, the last good keys keep working until their max-age has run out or {@code maxStale}
 *       has passed since the last successful fetch, whichever is later; then {@link KeysUnavailableException}.
 *       Failures are logged at WARNING, without key material.</li>
 *   <li>A document that is not a JWKS or holds no usable signing key counts as a failed fetch.</li>
 * </ul>
 */
public final class JwksKeySource {
    static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);
    static final Duration MIN_MAX_AGE = Duration.ofMinutes(1);
    static final Duration MAX_MAX_AGE = Duration.ofHours(24);
    private static final System.Logger LOG = System.getLogger(JwksKeySource.class.getName());

    /** A fetched key set and when to refresh it, and until when it may be used if refreshing fails. */
    private record Snapshot(KeySet keys, Instant fetchedAt, Instant refreshAt, Instant usableUntil) {
    }

    private final JwksFetcher fetcher;
    private final Duration minRefreshInterval;
    private final Duration maxStale;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile Snapshot current;
    private volatile boolean invalidated;
    /** Guarded by {@code lock}. */
    private CompletableFuture<Snapshot> inFlight;
    /** Guarded by {@code lock}: when the last fetch caused by an unknown {@code kid} started. */
    private Instant lastUnknownKidFetch;
    /** Guarded by {@code lock}: when the last fetch failed, or null after a success. */
    private Instant lastFailure;
    /** Guarded by {@code lock}: when the first fetch failed since the last success, or null after a success. */
    private Instant failingSince;
    /** Touched only by the thread running the (single) fetch; fetches are ordered by {@code lock}. */
    private boolean lastFetchFailed;

    /**
     * @param fetcher            fetches the JWKS document (the client does it over HTTP)
     * @param minRefreshInterval least time between two fetches caused by unknown {@code kid}s, and the pause after
     *                           a failed fetch
     * @param maxStale           how long the last good keys keep working while fetches fail
     * @param clock              time source
     */
    public JwksKeySource(JwksFetcher fetcher, Duration minRefreshInterval, Duration maxStale, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
        this.maxStale = Objects.requireNonNull(maxStale, "maxStale");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Forces the next lookup to fetch the key set again, regardless of max-age and the minimum refresh interval.
     * The current keys stay usable if that fetch fails.
     */
    public void invalidate() {
        invalidated = true;
    }

    /**
     * The keys to validate with now, fetching or refreshing them when due.
     *
     * @throws KeysUnavailableException when there are no usable keys
     */
    public KeySet keys() throws KeysUnavailableException {
        Snapshot snapshot = current;
        if (snapshot != null && !invalidated && clock.instant().isBefore(snapshot.refreshAt())) {
            return snapshot.keys();
        }
        return refresh(snapshot == null ? null : snapshot.keys(), false);
    }

    /** What this source holds now (health reporting); never fetches. */
    public KeyState state() {
        Snapshot snapshot;
        Instant failing;
        synchronized (lock) {
            snapshot = current;
            failing = failingSince;
        }
        if (snapshot == null) {
            return new KeyState(Set.of(), null, null, null, failing);
        }
        Set<String> kids = new TreeSet<>();
        snapshot.keys().all().forEach(key -> {
            if (key.kid() != null) {
                kids.add(key.kid());
            }
        });
        return new KeyState(kids, snapshot.fetchedAt(), snapshot.refreshAt(), snapshot.usableUntil(), failing);
    }

    /**
     * Called when a token names a {@code kid} that {@code seen} lacks: returns a newer key set when another caller
     * already fetched one, else re-fetches unless the minimum refresh interval forbids it.
     *
     * @throws KeysUnavailableException when there are no usable keys
     */
    KeySet keysAfterUnknownKid(KeySet seen) throws KeysUnavailableException {
        return refresh(seen, true);
    }

    /**
     * Fetches unless another caller already did, a fetch is under way, or the minimum interval forbids it.
     *
     * @param seen       the key set the caller found lacking or expired
     * @param needNewKeys wait for a fetch under way even when usable keys exist (unknown {@code kid}); otherwise
     *                    only the caller that fetches waits, the others go on with the keys they have
     */
    private KeySet refresh(KeySet seen, boolean needNewKeys) throws KeysUnavailableException {
        CompletableFuture<Snapshot> flight;
        boolean owner = false;
        String reason = null;
        synchronized (lock) {
            Snapshot snapshot = current;
            Instant now = clock.instant();
            if (snapshot != null && snapshot.keys() != seen) {
                return usable(snapshot, now).keys(); // fetched by someone else meanwhile
            }
            if (inFlight != null) {
                if (!needNewKeys && snapshot != null && now.isBefore(snapshot.usableUntil())) {
                    return snapshot.keys();
                }
                flight = inFlight;
            } else if (!invalidated && mustWait(needNewKeys, now)) {
                return usable(snapshot, now).keys();
            } else {
                flight = new CompletableFuture<>();
                inFlight = flight;
                owner = true;
                reason = invalidated ? "forced" : snapshot == null ? "initial" : needNewKeys ? "unknown_kid" : "periodic";
                if (needNewKeys) {
                    lastUnknownKidFetch = now;
                }
                invalidated = false;
            }
        }
        if (owner) {
            fetchInto(flight, reason);
        }
        Snapshot fetched = await(flight);
        return fetched != null ? fetched.keys() : usable(current, clock.instant()).keys();
    }

    /** Guarded by {@code lock}: after a failure every fetch waits; unknown-kid fetches also wait for each other. */
    private boolean mustWait(boolean unknownKid, Instant now) {
        if (lastFailure != null && now.isBefore(lastFailure.plus(minRefreshInterval))) {
            return true;
        }
        return unknownKid && lastUnknownKidFetch != null && now.isBefore(lastUnknownKidFetch.plus(minRefreshInterval));
    }

    /** @param reason for the metrics: initial, periodic, unknown_kid or forced */
    private void fetchInto(CompletableFuture<Snapshot> flight, String reason) {
        Snapshot result = null;
        long start = System.nanoTime();
        try {
            JwksResponse response = fetcher.fetch();
            KeySet keys = JwksParser.parse(response.body());
            if (keys.isEmpty()) {
                throw new JwksParser.InvalidJwksException("JWKS has no usable signing key");
            }
            result = fresh(keys, response.maxAge());
        } catch (IOException e) {
            failed("endpoint failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (JwksParser.InvalidJwksException e) {
            failed(e.getMessage());
        } catch (RuntimeException e) { // a fetcher bug must not break validation; the message may not be safe to log
            failed("fetch failed: " + e.getClass().getName());
        } finally {
            if (result != null) {
                current = result;
            }
            synchronized (lock) {
                inFlight = null;
                lastFailure = result == null ? clock.instant() : null;
                failingSince = result != null ? null : failingSince != null ? failingSince : lastFailure;
            }
            flight.complete(result);
            String outcome = result != null ? "ok" : "failed";
            SignwardMetrics.time(MetricNames.JWKS_FETCH, start, "reason", reason, "outcome", outcome);
            SignwardMetrics.count(MetricNames.JWKS_FETCHES, "reason", reason, "outcome", outcome);
        }
    }

    private Snapshot fresh(KeySet keys, Optional<Duration> maxAge) {
        Instant now = clock.instant();
        Instant refreshAt = now.plus(clampMaxAge(maxAge));
        Instant staleLimit = now.plus(maxStale);
        if (lastFetchFailed) {
            LOG.log(Level.INFO, "JWKS fetched again after a failure");
            lastFetchFailed = false;
        }
        return new Snapshot(keys, now, refreshAt, refreshAt.isAfter(staleLimit) ? refreshAt : staleLimit);
    }

    /** Logs a failed fetch and, while old keys are still usable, retries no sooner than the minimum interval. */
    private void failed(String reason) {
        lastFetchFailed = true;
        Snapshot snapshot = current;
        Instant now = clock.instant();
        if (snapshot == null) {
            LOG.log(Level.WARNING, () -> "JWKS " + reason + "; no signing keys yet, tokens are rejected");
        } else if (now.isBefore(snapshot.usableUntil())) {
            LOG.log(Level.WARNING, () -> "JWKS " + reason + "; keeping the keys fetched at " + snapshot.fetchedAt()
                    + " until " + snapshot.usableUntil());
            if (!now.isBefore(snapshot.refreshAt())) { // expired keys: serve them without retrying on every call
                Instant retryAt = now.plus(minRefreshInterval);
                current = new Snapshot(snapshot.keys(), snapshot.fetchedAt(),
                        retryAt.isBefore(snapshot.usableUntil()) ? retryAt : snapshot.usableUntil(),
                        snapshot.usableUntil());
            }
        } else {
            LOG.log(Level.WARNING, () -> "JWKS " + reason + "; the keys fetched at " + snapshot.fetchedAt()
                    + " are older than max-stale (" + maxStale + "), tokens are rejected");
        }
    }

    private static Snapshot usable(Snapshot snapshot, Instant now) throws KeysUnavailableException {
        if (snapshot == null || !now.isBefore(snapshot.usableUntil())) {
            throw new KeysUnavailableException(Rejections.KEYS_UNAVAILABLE);
        }
        return snapshot;
    }

    private static Snapshot await(CompletableFuture<Snapshot> flight) throws KeysUnavailableException {
        try {
            return flight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeysUnavailableException(Rejections.KEYS_UNAVAILABLE);
        } catch (ExecutionException e) { // never: the flight always completes normally
            throw new KeysUnavailableException(Rejections.KEYS_UNAVAILABLE);
        }
    }

    static Duration clampMaxAge(Optional<Duration> maxAge) {
        Duration age = maxAge.orElse(DEFAULT_MAX_AGE);
        if (age.compareTo(MIN_MAX_AGE) < 0) {
            return MIN_MAX_AGE;
        }
        return age.compareTo(MAX_MAX_AGE) > 0 ? MAX_MAX_AGE : age;
    }
}
