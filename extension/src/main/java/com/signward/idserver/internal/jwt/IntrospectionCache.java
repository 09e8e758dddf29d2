package com.signward.idserver.internal.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Introspection results (RFC 7662) already checked, so that a token seen again makes no outbound request. Keyed
 * like {@link VerifiedTokenCache} by the SHA-256 of the token (never the token itself) and the rules it passed; an
 * entry lives until {@code min(exp + skew, now + ttl)}, after which the token is introspected again (the provider
 * may have revoked it meanwhile: the ttl bounds how long a revocation goes unnoticed). Only active tokens that passed
 * the rules are kept; bounded like the verified-token cache. Thread-safe.
 *
 * @param <T> what the response is mapped to
 */
public final class IntrospectionCache<T> {

    /** Default time an introspection result is trusted. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

    private final VerifiedTokenCache<T> entries;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param capacity results kept; 0 keeps none (every request is introspected)
     * @param ttl      the longest time a result is trusted
     */
    public IntrospectionCache(int capacity, Duration ttl, Clock clock) {
        this.entries = new VerifiedTokenCache<>(capacity);
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the mapped result of an earlier introspection of this token under these rules, or {@code null} */
    public T get(String token, AccessTokenRules rules) {
        return entries.enabled() ? entries.getLive(VerifiedTokenCache.key(token, rules), clock.instant()) : null;
    }

    /**
     * Keeps a result until {@code min(expiresAt, now + ttl)}.
     *
     * @param expiresAt exp + skew of the response, or {@code null} when it had no {@code exp}
     */
    public void put(String token, AccessTokenRules rules, Instant expiresAt, T mapped) {
        if (!entries.enabled() || ttl.isZero()) {
            return;
        }
        Instant now = clock.instant();
        Instant until = now.plus(ttl);
        if (expiresAt != null && expiresAt.isBefore(until)) {
            until = expiresAt;
        }
        entries.put(VerifiedTokenCache.key(token, rules), until, mapped, now);
    }

    /** The clock the entries' lifetimes are measured with. */
    public Clock clock() {
        return clock;
    }

    /** For tests: results kept now. */
    int size() {
        return entries.size();
    }
}
