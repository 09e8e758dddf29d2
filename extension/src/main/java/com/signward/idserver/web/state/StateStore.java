package com.signward.idserver.web.state;

import java.time.Duration;
import java.util.Optional;

/**
 * Short-lived string values by key, shared by every node that uses the same store: in memory for one node
 * ({@link MemoryStateStore}), the runtime's distributed JCache for a cluster ({@link JCacheStateStore}). Every value
 * has a time to live; an expired value reads as absent. Implementations are thread-safe.
 */
public interface StateStore {

    /** Stores {@code value} under {@code key} for {@code ttl}, replacing any value. */
    void put(String key, String value, Duration ttl);

    /**
     * Stores {@code value} under {@code key} for {@code ttl} unless a live value is there: atomic across the
     * store's nodes, so it serves as a lease (one winner) and as a replay check (first use wins).
     *
     * @return {@code true} when this call stored the value
     */
    boolean putIfAbsent(String key, String value, Duration ttl);

    /** @return the live value of {@code key} */
    Optional<String> get(String key);

    /** Removes {@code key}. */
    void remove(String key);

    /** @return what the store is, for the start-up log line (e.g. {@code in-memory}) */
    String describe();

    /** @return whether the store's values are seen by other nodes (JCache) */
    boolean distributed();
}
