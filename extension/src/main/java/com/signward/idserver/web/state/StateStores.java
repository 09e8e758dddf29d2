package com.signward.idserver.web.state;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Chooses the store ({@code signward.state.store}): {@code memory}; {@code jcache} (fails when no JCache
 * {@code CacheManager} is available); {@code auto}, the default: JCache when the API is on the class path and the
 * runtime binds a {@code CacheManager} (Payara's Hazelcast) or the application brings a provider, else memory. The JCache
 * classes are touched only after the API was found, so runtimes without it never see a class-loading error.
 */
public final class StateStores {

    /** The value of {@code signward.state.store}. */
    public enum Mode {
        AUTO, MEMORY, JCACHE;

        /** @throws IllegalArgumentException for another value */
        public static Mode parse(String value) {
            return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** The cache the JCache store uses. */
    public static final String CACHE_NAME = "signward-idserver-state";
    static final String PAYARA_JNDI_NAME = "payara/CacheManager";
    private static final System.Logger LOG = System.getLogger(StateStores.class.getName());
    private static final int MEMORY_MAX_ENTRIES = 100_000;

    private StateStores() {
    }

    /**
     * @param maxTtl the longest time to live the caller uses (the JCache cache's clean-up expiry)
     * @throws IllegalStateException when {@code mode} is {@code JCACHE} and no cache manager is available
     */
    public static StateStore open(Mode mode, Duration maxTtl, Clock clock) {
        if (mode == Mode.MEMORY) {
            return new MemoryStateStore(clock, MEMORY_MAX_ENTRIES);
        }
        String unavailable;
        if (!apiPresent()) {
            unavailable = "the JCache API (javax.cache) is not on the class path";
        } else {
            try {
                return JCacheLookup.open(maxTtl, clock, mode == Mode.JCACHE);
            } catch (RuntimeException | LinkageError e) {
                unavailable = "no JCache CacheManager is available (" + e.getClass().getName() + ": "
                        + e.getMessage() + ")";
            }
        }
        if (mode == Mode.JCACHE) {
            throw new IllegalStateException("signward.state.store=jcache but " + unavailable);
        }
        LOG.log(Level.DEBUG, "Signward: JCache not used: {0}", unavailable);
        return new MemoryStateStore(clock, MEMORY_MAX_ENTRIES);
    }

    static boolean apiPresent() {
        try {
            Class.forName("javax.cache.Caching", false, StateStores.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
