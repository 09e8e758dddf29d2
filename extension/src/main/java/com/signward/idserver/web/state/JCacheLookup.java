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
 * Hazelcast cluster), else the first {@code CachingProvider} the application's class loader sees. With
 * {@code signward.state.store=auto} only a provider of the application's own (in {@code WEB-INF/lib}) is taken: a
 * provider of the runtime that is not bound in JNDI may be switched off (Payara Micro with {@code --nohazelcast}
 * still offers a Hazelcast client provider, which then waits for a cluster that never comes). Referenced only after
 * {@link StateStores#apiPresent()}.
 */
final class JCacheLookup {

    private JCacheLookup() {
    }

    /** @param anyProvider also take a caching provider of the runtime's (not only one in the application) */
    static StateStore open(Duration maxTtl, Clock clock, boolean anyProvider) {
        Object runtime = jndi();
        if (runtime instanceof CacheManager manager) {
            return JCacheStateStore.open(manager, StateStores.CACHE_NAME, maxTtl,
                    "the runtime (" + StateStores.PAYARA_JNDI_NAME + ")", clock);
        }
        ClassLoader loader = JCacheLookup.class.getClassLoader();
        CachingProvider provider = null;
        Iterator<CachingProvider> providers = Caching.getCachingProviders(loader).iterator();
        while (provider == null && providers.hasNext()) {
            CachingProvider candidate = providers.next();
            if (anyProvider || candidate.getClass().getClassLoader() == loader) {
                provider = candidate;
            }
        }
        if (provider == null) {
            throw new IllegalStateException(anyProvider ? "no JCache CachingProvider found"
                    : "no CacheManager in JNDI and no JCache CachingProvider in the application");
        }
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
