package com.signward.idserver.web.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default store: a map in this JVM, bounded (expired entries are purged when it grows past the bound, then
 * the oldest-expiring half when still too big). Right for one node; a cluster needs {@link JCacheStateStore}.
 */
public final class MemoryStateStore implements StateStore {

    private record Entry(String value, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxEntries;

    public MemoryStateStore(Clock clock, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxEntries = maxEntries;
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, new Entry(value, clock.instant().plus(ttl)));
        purge();
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        Instant now = clock.instant();
        Entry mine = new Entry(value, now.plus(ttl));
        boolean[] stored = {false};
        entries.compute(key, (k, existing) -> {
            if (existing != null && now.isBefore(existing.expiresAt())) {
                return existing;
            }
            stored[0] = true;
            return mine;
        });
        purge();
        return stored[0];
    }

    @Override
    public Optional<String> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    @Override
    public void remove(String key) {
        entries.remove(key);
    }

    @Override
    public String describe() {
        return "in-memory (this JVM only)";
    }

    @Override
    public boolean distributed() {
        return false;
    }

    /** For tests: entries held, expired ones included. */
    int size() {
        return entries.size();
    }

    private void purge() {
        if (entries.size() <= maxEntries) {
            return;
        }
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
        if (entries.size() > maxEntries) {
            entries.values().stream().map(Entry::expiresAt).sorted().skip(entries.size() / 2).findFirst()
                    .ifPresent(cut -> entries.values().removeIf(entry -> entry.expiresAt().isBefore(cut)));
        }
    }
}
