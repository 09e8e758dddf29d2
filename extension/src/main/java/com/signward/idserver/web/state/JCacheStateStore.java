package com.signward.idserver.web.state;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The store on a JCache (JSR 107) cache of the runtime (Payara: Hazelcast) or of a provider the application adds:
 * what one node writes, every node of the cluster reads; {@code putIfAbsent} and {@code replace} are the cache's
 * own atomic operations (no lock protocol of ours). JCache has one expiry policy per cache, so each value carries
 * its own expiry ({@code <epoch millis>|<value>}) and the cache's policy ({@code maxTtl}) only cleans up.
 * Loaded only when the JCache API is present ({@link StateStores}).
 */
final class JCacheStateStore implements StateStore {

    private static final char SEPARATOR = '|';

    private final Cache<String, String> cache;
    private final String description;
    private final Clock clock;

    JCacheStateStore(Cache<String, String> cache, String description, Clock clock) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.description = description;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The named cache of {@code manager}, created with a clean-up expiry of {@code maxTtl} when missing. */
    static JCacheStateStore open(CacheManager manager, String cacheName, Duration maxTtl, String source, Clock clock) {
        Cache<String, String> cache = manager.getCache(cacheName, String.class, String.class);
        if (cache == null) {
            MutableConfiguration<String, String> config = new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class)
                    .setStoreByValue(true)
                    .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.SECONDS, Math.max(1, maxTtl.toSeconds()))));
            try {
                cache = manager.createCache(cacheName, config);
            } catch (javax.cache.CacheException createdMeanwhile) {
                cache = manager.getCache(cacheName, String.class, String.class);
                if (cache == null) {
                    throw createdMeanwhile;
                }
            }
        }
        return new JCacheStateStore(cache, "JCache cache '" + cacheName + "' of " + source, clock);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        cache.put(key, encode(value, ttl));
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        String mine = encode(value, ttl);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (cache.putIfAbsent(key, mine)) {
                return true;
            }
            String existing = cache.get(key);
            if (existing == null) {
                continue; // removed meanwhile: try again
            }
            if (live(existing)) {
                return false;
            }
            if (cache.replace(key, existing, mine)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<String> get(String key) {
        String stored = cache.get(key);
        if (stored == null) {
            return Optional.empty();
        }
        if (!live(stored)) {
            cache.remove(key, stored);
            return Optional.empty();
        }
        return Optional.of(stored.substring(stored.indexOf(SEPARATOR) + 1));
    }

    @Override
    public void remove(String key) {
        cache.remove(key);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean distributed() {
        return true;
    }

    private String encode(String value, Duration ttl) {
        return clock.millis() + ttl.toMillis() + String.valueOf(SEPARATOR) + value;
    }

    private boolean live(String stored) {
        int cut = stored.indexOf(SEPARATOR);
        try {
            return cut > 0 && clock.millis() < Long.parseLong(stored.substring(0, cut));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
