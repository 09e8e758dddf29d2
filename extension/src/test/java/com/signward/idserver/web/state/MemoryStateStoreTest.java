package com.signward.idserver.web.state;

import com.signward.idserver.internal.jwt.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryStateStoreTest {

    private final MutableClock clock = new MutableClock();
    private final MemoryStateStore store = new MemoryStateStore(clock, 100);

    @Test
    void valuesLiveForTheirTtl() {
        store.put("a", "1", Duration.ofSeconds(10));
        assertEquals(Optional.of("1"), store.get("a"));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), store.get("a"));
        store.put("b", "2", Duration.ofSeconds(10));
        store.remove("b");
        assertEquals(Optional.empty(), store.get("b"));
    }

    @Test
    void putIfAbsentIsALease() {
        assertTrue(store.putIfAbsent("lease", "node-a", Duration.ofSeconds(5)));
        assertFalse(store.putIfAbsent("lease", "node-b", Duration.ofSeconds(5)));
        assertEquals(Optional.of("node-a"), store.get("lease"));
        clock.advance(Duration.ofSeconds(5));
        assertTrue(store.putIfAbsent("lease", "node-b", Duration.ofSeconds(5)), "an expired lease is free");
        assertEquals(Optional.of("node-b"), store.get("lease"));
    }

    @Test
    void staysBounded() {
        for (int i = 0; i < 1000; i++) {
            store.put("k" + i, "v", Duration.ofSeconds(i + 1));
        }
        assertTrue(store.size() <= 101, "size " + store.size());
        assertEquals(Optional.of("v"), store.get("k999"), "the longest-living entries stay");
    }

    @Test
    void memoryModeNeverTouchesJCache() {
        StateStore memory = StateStores.open(StateStores.Mode.MEMORY, Duration.ofHours(1), Clock.systemUTC());
        assertFalse(memory.distributed());
        assertTrue(memory.describe().contains("in-memory"));
    }
}
