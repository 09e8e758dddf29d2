package com.signward.idserver.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

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

    /** The claims, and the caller's mapping of them, made once per entry by the mapper that validated it. */
    private record Entry(JsonObject claims, Instant expiresAt, Function<JsonObject, ?> mapper, Object mapped) {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    });

    private final int capacity;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicBoolean evicting = new AtomicBoolean();

    VerifiedTokenCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /**
     * @param token any string: a non-ASCII character encodes as {@code ?}, which no valid token contains, so a
     *              string that is not a valid token never hashes to a cached token's key
     */
    static Key key(String token, String issuer, String audience) {
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        ByteBuffer hash = ByteBuffer.wrap(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
        return new Key(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong(), issuer, audience);
    }

    /**
     * @return the mapped claims of a validated token (mapped again only when another mapper cached them), or null
     *         when the token is not cached
     * @throws TokenRejectedException "token expired" when the cached token's lifetime is over
     */
    @SuppressWarnings("unchecked")
    <T> T get(Key key, Instant now, Function<JsonObject, T> mapper) throws TokenRejectedException {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (now.isBefore(entry.expiresAt())) {
            return entry.mapper() == mapper ? (T) entry.mapped() : mapper.apply(entry.claims());
        }
        entries.remove(key, entry);
        throw Rejections.reject(Rejections.EXPIRED);
    }

    /** Caches a validated token's claims with their mapping; returns the mapping. */
    <T> T put(Key key, JsonObject claims, Instant expiresAt, Instant now, Function<JsonObject, T> mapper) {
        if (entries.size() >= capacity) {
            evict(now);
        }
        T mapped = mapper.apply(claims);
        entries.put(key, new Entry(claims, expiresAt, mapper, mapped));
        return mapped;
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
