package com.signward.idserver.web.state;

import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;

/**
 * Finds the JCache {@code CacheManager}: the runtime's under JNDI {@code payara/CacheManager} (Payara, backed by its
 * Hazelcast cluster), else the first {@code CachingProvider} the application's class loader sees. Referenced only
 * after {@link StateStores#apiPresent()}.
 */
final class JCacheLookup {

    private JCacheLookup() {
    }

    static StateStore open(Duration maxTtl, Clock clock) {
        Object runtime = jndi();
        if (runtime instanceof CacheManager manager) {
            return JCacheStateStore.open(manager, StateStores.CACHE_NAME, maxTtl,
                    "the runtime (" + StateStores.PAYARA_JNDI_NAME + ")", clock);
        }
        ClassLoader loader = JCacheLookup.class.getClassLoader();
        Iterator<CachingProvider> providers = Caching.getCachingProviders(loader).iterator();
        if (!providers.hasNext()) {
            throw new IllegalStateException("no JCache CachingProvider found");
        }
        CachingProvider provider = providers.next();
        CacheManager manager = provider.getCacheManager(provider.getDefaultURI(), loader);
        return JCacheStateStore.open(manager, StateStores.CACHE_NAME, maxTtl,
                "provider " + provider.getClass().getName(), clock);
    }

    private static Object jndi() {
        try {
            return new InitialContext().lookup(StateStores.PAYARA_JNDI_NAME);
        } catch (NamingException | RuntimeException e) {
            return null;
        }
    }
}
