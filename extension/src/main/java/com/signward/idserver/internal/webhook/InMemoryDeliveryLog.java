package com.signward.idserver.internal.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link DeliveryLog} for one node: ids are kept for a time to live, the oldest first out when the log is full.
 * Synchronized; every operation is O(1) amortized.
 */
public final class InMemoryDeliveryLog implements DeliveryLog {

    /** How long a delivery id is remembered by default: Signward retries a failed delivery for less than a day. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    /** Most ids remembered by default. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private final Duration ttl;
    private final int maxEntries;
    /** Insertion order = claim order, so expired entries are at the head. */
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    public InMemoryDeliveryLog(Duration ttl, int maxEntries) {
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public synchronized boolean claim(String deliveryId, Instant now) {
        evictExpired(now);
        if (seen.containsKey(deliveryId)) {
            return false;
        }
        if (seen.size() >= maxEntries) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        seen.put(deliveryId, now.plus(ttl));
        return true;
    }

    @Override
    public synchronized void release(String deliveryId) {
        seen.remove(deliveryId);
    }

    private void evictExpired(Instant now) {
        Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
        while (entries.hasNext() && !entries.next().getValue().isAfter(now)) {
            entries.remove();
        }
    }
}
