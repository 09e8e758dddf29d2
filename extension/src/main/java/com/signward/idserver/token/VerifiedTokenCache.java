package com.signward.idserver.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.json.JsonObject;

/**
 * Tokens already validated, so that a token seen again skips the signature check. Keyed by the SHA-256 of the
 * token (never the token itself) plus issuer and audience; an entry lives until the token's {@code exp} + skew and
 * is rejected ("token expired") and dropped after that. Bounded: when full, expired entries are swept, then
 * arbitrary entries are dropped down to 90 %. Thread-safe.
 */
final class VerifiedTokenCache {
    static final int DEFAULT_CAPACITY = 10_000;

    /** The SHA-256 of the token as four longs, with the issuer and audience it was validated for. */
    record Key(long h0, long h1, long h2, long h3, String issuer, String audience) {
    }

    private record Entry(JsonObject claims, Instant expiresAt) {
    }

    private final int capacity;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicBoolean evicting = new AtomicBoolean();

    VerifiedTokenCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** @param token a token made only of base64url characters and dots (so ASCII encoding is exact) */
    static Key key(String token, String issuer, String audience) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
        ByteBuffer hash = ByteBuffer.wrap(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
        return new Key(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong(), issuer, audience);
    }

    /**
     * @return the claims of a validated token, or null when the token is not cached
     * @throws TokenRejectedException "token expired" when the cached token's lifetime is over
     */
    JsonObject get(Key key, Instant now) throws TokenRejectedException {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (now.isBefore(entry.expiresAt())) {
            return entry.claims();
        }
        entries.remove(key, entry);
        throw Rejections.reject(Rejections.EXPIRED);
    }

    void put(Key key, JsonObject claims, Instant expiresAt, Instant now) {
        if (entries.size() >= capacity) {
            evict(now);
        }
        entries.put(key, new Entry(claims, expiresAt));
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
