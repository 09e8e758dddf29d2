package com.signward.idserver.web;

import com.signward.idserver.web.state.StateStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The browser login's shared state, in the {@link StateStore} (so that every node of a cluster sees it):
 * <ul>
 *   <li>logged-out markers: a back-channel logout of {@code sid} (or of {@code sub} without {@code sid}) at a time;
 *       every login of that session (user) that began before it ends on its next request, on any node;</li>
 *   <li>the logout-token {@code jti} replay cache (first use wins);</li>
 *   <li>the refresh lease: one node at a time refreshes one login.</li>
 * </ul>
 * Keys are prefixed with the client id, so applications sharing a cache do not meet.
 */
final class LogoutMarkers {

    private static final System.Logger LOG = System.getLogger(LogoutMarkers.class.getName());

    private final StateStore store;
    private final String prefix;
    private final Duration markerTtl;
    private final Clock clock;

    /** @param markerTtl how long a marker lives: at least the maximum age of a login */
    LogoutMarkers(StateStore store, String clientId, Duration markerTtl, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.prefix = "signward:" + clientId + ":";
        this.markerTtl = markerTtl;
        this.clock = clock;
    }

    StateStore store() {
        return store;
    }

    /** Records a back-channel logout: of the session {@code sid} when given, else of every session of {@code sub}. */
    void loggedOut(String sid, String sub) {
        String key = sid != null ? prefix + "sid:" + sid : prefix + "sub:" + sub;
        store.put(key, Long.toString(clock.millis()), markerTtl);
    }

    /**
     * Whether a back-channel logout after (or at) the start of this login names its session or its user. A store that
     * cannot be read answers {@code true}: the login ends rather than outlive a logout nobody could check (fail
     * closed).
     */
    boolean loggedOut(SessionLogin login) {
        try {
            return (login.sid() != null && endedBefore(marker("sid:" + login.sid()), login.loggedInAt()))
                    || endedBefore(marker("sub:" + login.subject()), login.loggedInAt());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Signward login: the state store ({0}) could not be read ({1}); "
                    + "the login ends (fail closed)", store.describe(), e.getClass().getName());
            return true;
        }
    }

    /** @return {@code true} the first time {@code jti} of {@code issuer} is presented within {@code ttl} */
    boolean firstUse(String issuer, String jti, Duration ttl) {
        return store.putIfAbsent(prefix + "jti:" + issuer + "|" + jti, "1", ttl);
    }

    /**
     * The refresh lease of a login: taken for at most {@code ttl} (so a node that dies does not hold it), given back
     * when the refresh is over.
     */
    TokenRefresher.Lease refreshLease(Duration ttl) {
        return new TokenRefresher.Lease() {
            @Override
            public boolean acquire(SessionLogin current) {
                return store.putIfAbsent(leaseKey(current), "1", ttl);
            }

            @Override
            public void release(SessionLogin current) {
                store.remove(leaseKey(current));
            }
        };
    }

    private String leaseKey(SessionLogin login) {
        return prefix + "refresh:" + login.generation();
    }

    private Optional<Instant> marker(String key) {
        return store.get(prefix + key).flatMap(value -> {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.of(Instant.MAX); // unreadable: fail closed
            }
        });
    }

    private static boolean endedBefore(Optional<Instant> marker, Instant loggedInAt) {
        return marker.isPresent() && !marker.get().isBefore(loggedInAt);
    }
}
