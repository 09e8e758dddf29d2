package com.signward.idserver.internal.jwt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tokens already validated, so that a token seen again skips the signature check. Keyed by the SHA-256 of the token
 * (never the token itself) AND the exact rules it passed: a token is only ever served to a caller with equal rules.
 * An entry lives until the token's {@code exp} + skew and is rejected ("token expired") and dropped after that.
 * Bounded: when full, expired entries are swept, then arbitrary entries are dropped down to 90 %. Thread-safe.
 */
final class VerifiedTokenCache<T> {

    /** The SHA-256 of the token as four longs, with the rules it passed. */
    record Key(long h0, long h1, long h2, long h3, AccessTokenRules rules) {
    }

    private record Entry<T>(Instant expiresAt, T mapped) {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    });

    private final int capacity;
    private final ConcurrentHashMap<Key, Entry<T>> entries = new ConcurrentHashMap<>();
    private final AtomicBoolean evicting = new AtomicBoolean();

    /** @param capacity how many tokens to keep; 0 keeps none */
    VerifiedTokenCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
    }

    /**
     * @param token any string: a non-ASCII character encodes as {@code ?}, which no valid token contains, so a
     *              string that is not a valid token never hashes to a cached token's key
     */
    static Key key(String token, AccessTokenRules rules) {
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        ByteBuffer hash = ByteBuffer.wrap(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
        return new Key(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong(), rules);
    }

    boolean enabled() {
        return capacity > 0;
    }

    /**
     * @return the mapped claims of a validated token, or null when the token is not cached
     * @throws TokenRejectedException "token expired" when the cached token's lifetime is over
     */
    T get(Key key, Instant now) throws TokenRejectedException {
        Entry<T> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        T mapped = live(key, entry, now);
        if (mapped == null) {
            throw Rejections.reject(Rejections.EXPIRED);
        }
        return mapped;
    }

    /** @return the mapped value while its entry lives, else {@code null} (an ended entry is dropped) */
    T getLive(Key key, Instant now) {
        Entry<T> entry = entries.get(key);
        return entry == null ? null : live(key, entry, now);
    }

    private T live(Key key, Entry<T> entry, Instant now) {
        if (now.isBefore(entry.expiresAt())) {
            return entry.mapped();
        }
        entries.remove(key, entry);
        return null;
    }

    void put(Key key, Instant expiresAt, T mapped, Instant now) {
        if (entries.size() >= capacity) {
            evict(now);
        }
        entries.put(key, new Entry<>(expiresAt, mapped));
    }

    int size() {
        return entries.size();
    }

    private void evict(Instant now) {
        if (!evicting.compareAndSet(false, true)) {
            return; // another thread is making room
        }
        try {
            entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
            int target = capacity - Math.max(1, capacity / 10);
            Iterator<Key> keys = entries.keySet().iterator();
            while (entries.size() > target && keys.hasNext()) {
                keys.next();
                keys.remove();
            }
        } finally {
            evicting.set(false);
        }
    }
}
