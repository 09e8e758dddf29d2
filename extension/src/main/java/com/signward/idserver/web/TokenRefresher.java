package com.signward.idserver.web;

import com.signward.idserver.internal.metrics.MetricNames;
import com.signward.idserver.internal.metrics.SignwardMetrics;
import com.signward.idserver.internal.oidc.ProviderException;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Single-flight refresh: requests holding the same {@link SessionLogin} (same {@link SessionLogin#generation()})
 * share one token request. The first caller runs it on its own thread; the others wait for its outcome (up to a
 * limit). Outcomes stay available for a while, so a request that read the old login just before it was
 * replaced gets the new one instead of replaying a rotated refresh token; a failure is remembered briefly so
 * that a broken token endpoint is not called by every request. The map of flights is bounded. Thread-safe;
 * nothing of it lives in the session.
 */
final class TokenRefresher {

    private static final System.Logger LOG = System.getLogger(TokenRefresher.class.getName());

    /** How a refresh ended. */
    enum Result {
        /** New tokens: use {@link Outcome#login()}. */
        REFRESHED,
        /**
         * Signward answered with an OAuth error ({@code invalid_grant}, {@code invalid_client},
         * {@code unauthorized_client}, {@code access_denied}, … : a 4xx with {@code error}) or the answer did not
         * fit the login: log out.
         */
        ENDED,
        /**
         * Transient: Signward failed (5xx, timeout, no connection), or another node holds the refresh lease. The
         * current login is kept until its access token expires plus the grace.
         */
        FAILED
    }

    /**
     * @param result what happened
     * @param login  the new login when {@code REFRESHED}, else {@code null}
     */
    record Outcome(Result result, SessionLogin login) {
    }

    /** The token request and checks of one refresh. */
    @FunctionalInterface
    interface Refresh {
        SessionLogin refresh(SessionLogin current) throws LoginException;
    }

    /** The cluster-wide right to refresh one login (one node at a time); always granted on one node. */
    @FunctionalInterface
    interface Lease {
        boolean acquire(SessionLogin current);

        /** Gives the right back once the refresh is over (it also expires by itself). */
        default void release(SessionLogin current) {
        }
    }

    private static final class Flight {
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        volatile Instant completedAt;
    }

    private final Refresh refresh;
    private final Lease lease;
    private final Duration waitLimit;
    private final Duration keepResult;
    private final Duration failureBackoff;
    private final int maxFlights;
    private final Clock clock;
    private final Map<String, Flight> flights = new ConcurrentHashMap<>();

    /**
     * @param waitLimit      how long a request waits for another's refresh before giving up (FAILED)
     * @param keepResult     how long a REFRESHED or ENDED outcome answers late requests
     * @param failureBackoff how long a FAILED outcome answers before the next attempt
     * @param maxFlights     soft bound of remembered flights
     */
    TokenRefresher(Refresh refresh, Duration waitLimit, Duration keepResult, Duration failureBackoff, int maxFlights,
                   Clock clock) {
        this(refresh, current -> true, waitLimit, keepResult, failureBackoff, maxFlights, clock);
    }

    /** @param lease taken before each token request; when another node holds it, the outcome is FAILED */
    TokenRefresher(Refresh refresh, Lease lease, Duration waitLimit, Duration keepResult, Duration failureBackoff,
                   int maxFlights, Clock clock) {
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.waitLimit = waitLimit;
        this.keepResult = keepResult;
        this.failureBackoff = failureBackoff;
        this.maxFlights = maxFlights;
        this.clock = clock;
    }

    /** Refreshes {@code current}, or joins the refresh already running (or just finished) for it. */
    Outcome refresh(SessionLogin current) {
        String key = current.generation();
        Flight mine = new Flight();
        Flight existing = flights.putIfAbsent(key, mine);
        if (existing != null && expired(existing, clock.instant())) {
            flights.remove(key, existing);
            existing = flights.putIfAbsent(key, mine);
        }
        if (existing != null) {
            return await(existing);
        }
        purge();
        return run(current, mine);
    }

    /** For tests: flights currently remembered. */
    int size() {
        return flights.size();
    }

    private Outcome run(SessionLogin current, Flight flight) {
        Outcome outcome;
        try {
            if (!lease.acquire(current)) {
                LOG.log(Level.DEBUG, "Signward login: another node is refreshing this login");
                outcome = new Outcome(Result.FAILED, null);
            } else {
                try {
                    outcome = new Outcome(Result.REFRESHED, refresh.refresh(current));
                } finally {
                    lease.release(current);
                }
            }
        } catch (ProviderException e) {
            if (endsLogin(e)) {
                LOG.log(Level.INFO, "Signward login: the refresh was refused ({0}); the user of this session must "
                        + "log in again", e.getMessage());
                outcome = new Outcome(Result.ENDED, null);
            } else {
                LOG.log(Level.WARNING, "Signward login: token refresh failed ({0}); the session keeps its tokens",
                        e.getMessage());
                outcome = new Outcome(Result.FAILED, null);
            }
        } catch (LoginException e) {
            if (e.status() == 400) {
                LOG.log(Level.WARNING, "Signward login: the refreshed tokens do not fit the login ({0}); the user "
                        + "of this session must log in again", e.detail());
                outcome = new Outcome(Result.ENDED, null);
            } else {
                LOG.log(Level.WARNING, "Signward login: token refresh failed ({0}); the session keeps its tokens",
                        e.detail());
                outcome = new Outcome(Result.FAILED, null);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Signward login: token refresh failed unexpectedly ({0})",
                    e.getClass().getName());
            outcome = new Outcome(Result.FAILED, null);
        }
        SignwardMetrics.count(MetricNames.REFRESHES, "outcome", outcome.result().name().toLowerCase(Locale.ROOT));
        flight.completedAt = clock.instant();
        flight.outcome.complete(outcome);
        return outcome;
    }

    /** An OAuth error answer (4xx with {@code error}) ends the login; anything else is transient. */
    static boolean endsLogin(ProviderException e) {
        return e.kind() == ProviderException.Kind.TOKEN && e.error() != null && e.status() >= 400
                && e.status() < 500;
    }

    private Outcome await(Flight flight) {
        try {
            return flight.outcome.get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Result.FAILED, null);
        } catch (TimeoutException | ExecutionException e) {
            return new Outcome(Result.FAILED, null);
        }
    }

    private boolean expired(Flight flight, Instant now) {
        Instant completed = flight.completedAt;
        if (completed == null) {
            return false;
        }
        Outcome outcome = flight.outcome.getNow(null);
        Duration keep = outcome != null && outcome.result() == Result.FAILED ? failureBackoff : keepResult;
        return !now.isBefore(completed.plus(keep));
    }

    private void purge() {
        if (flights.size() <= maxFlights) {
            return;
        }
        Instant now = clock.instant();
        flights.entrySet().removeIf(entry -> expired(entry.getValue(), now));
        if (flights.size() > maxFlights) {
            flights.entrySet().removeIf(entry -> entry.getValue().completedAt != null);
        }
    }
}
