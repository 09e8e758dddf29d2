package com.signward.idserver.web.state;

import com.signward.idserver.internal.jwt.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JCache store on a real JCache provider (the JSR 107 reference implementation on the test class path). */
class JCacheStateStoreTest {

    private final MutableClock clock = new MutableClock();
    private final StateStore store = StateStores.open(StateStores.Mode.JCACHE, Duration.ofHours(1), clock);
    private final String prefix = UUID.randomUUID() + ":";

    @Test
    void autoChoosesJCacheWhenAProviderIsAvailable() {
        StateStore auto = StateStores.open(StateStores.Mode.AUTO, Duration.ofHours(1), Clock.systemUTC());
        assertTrue(auto.distributed());
        assertTrue(auto.describe().contains(StateStores.CACHE_NAME), auto.describe());
        assertFalse(StateStores.open(StateStores.Mode.MEMORY, Duration.ofHours(1), Clock.systemUTC()).distributed());
    }

    @Test
    void valuesLiveForTheirOwnTtl() {
        store.put(prefix + "short", "1", Duration.ofSeconds(10));
        store.put(prefix + "long", "2", Duration.ofMinutes(10));
        assertEquals(Optional.of("1"), store.get(prefix + "short"));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), store.get(prefix + "short"));
        assertEquals(Optional.of("2"), store.get(prefix + "long"));
        store.remove(prefix + "long");
        assertEquals(Optional.empty(), store.get(prefix + "long"));
    }

    @Test
    void valuesMayContainTheSeparator() {
        store.put(prefix + "k", "a|b|c", Duration.ofSeconds(10));
        assertEquals(Optional.of("a|b|c"), store.get(prefix + "k"));
    }

    @Test
    void putIfAbsentIsALeaseAndAReplayCheck() {
        String key = prefix + "lease";
        assertTrue(store.putIfAbsent(key, "node-a", Duration.ofSeconds(5)));
        assertFalse(store.putIfAbsent(key, "node-b", Duration.ofSeconds(5)));
        assertEquals(Optional.of("node-a"), store.get(key));
        clock.advance(Duration.ofSeconds(5));
        assertTrue(store.putIfAbsent(key, "node-b", Duration.ofSeconds(5)), "an expired lease is free");
        assertEquals(Optional.of("node-b"), store.get(key));
    }

    @Test
    void exactlyOneOfManyConcurrentClaimsWins() throws Exception {
        String key = prefix + "jti";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                claims.add(pool.submit(() -> store.putIfAbsent(key, "used", Duration.ofMinutes(5))));
            }
            int wins = 0;
            for (Future<Boolean> claim : claims) {
                wins += claim.get() ? 1 : 0;
            }
            assertEquals(1, wins);
        } finally {
            pool.shutdownNow();
        }
    }
}
