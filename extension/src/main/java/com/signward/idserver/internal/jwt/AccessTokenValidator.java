package com.signward.idserver.internal.jwt;

import com.signward.idserver.internal.metrics.MetricNames;
import com.signward.idserver.internal.metrics.SignwardMetrics;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Access tokens: {@link JwtVerifier} with {@link AccessTokenRules}, the verified claims mapped once (to the user
 * model) and kept in a bounded cache keyed by the token's hash and the rules it passed. A token seen again is
 * answered from the cache without any check but expiry; the cache does not notice a key removed from the JWKS
 * meanwhile. Thread-safe.
 *
 * @param <T> what the claims are mapped to
 */
public final class AccessTokenValidator<T> {
    /** Default number of cached tokens. */
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private final JwtVerifier verifier;
    private final Function<Map<String, Object>, T> mapper;
    private final VerifiedTokenCache<T> cache;

    /**
     * @param cacheSize tokens kept; 0 turns the cache off
     * @param mapper    a pure function of the verified claims
     */
    public AccessTokenValidator(JwtVerifier verifier, int cacheSize, Function<Map<String, Object>, T> mapper) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.cache = new VerifiedTokenCache<>(cacheSize);
    }

    /**
     * @throws TokenRejectedException   naming the rule that failed
     * @throws KeysUnavailableException when no signing key can be served
     */
    public T validate(String token, AccessTokenRules rules) throws TokenRejectedException, KeysUnavailableException {
        long start = System.nanoTime();
        String outcome = "rejected";
        try {
            T user = validateCounted(token, rules);
            outcome = "accepted";
            return user;
        } catch (TokenRejectedException e) {
            SignwardMetrics.count(MetricNames.TOKENS_REJECTED, "rule", Rejections.rule(e.getMessage()));
            throw e;
        } catch (KeysUnavailableException e) {
            SignwardMetrics.count(MetricNames.TOKENS_REJECTED, "rule", Rejections.KEYS_UNAVAILABLE);
            throw e;
        } finally {
            SignwardMetrics.time(MetricNames.TOKEN_VALIDATION, start, "outcome", outcome);
        }
    }

    private T validateCounted(String token, AccessTokenRules rules)
            throws TokenRejectedException, KeysUnavailableException {
        CompactJws.checkLength(token);
        if (!cache.enabled()) {
            T mapped = mapper.apply(verifier.verify(token, rules).claims());
            SignwardMetrics.count(MetricNames.TOKENS_VALIDATED, "cache", "off");
            return mapped;
        }
        // a cached token passed every check for these rules, and no other string hashes to its key
        VerifiedTokenCache.Key key = VerifiedTokenCache.key(token, rules);
        Instant now = verifier.clock().instant();
        T cached = cache.get(key, now);
        if (cached != null) {
            SignwardMetrics.count(MetricNames.TOKENS_VALIDATED, "cache", "hit");
            return cached;
        }
        VerifiedJwt verified = verifier.verify(token, rules);
        T mapped = mapper.apply(verified.claims());
        cache.put(key, verified.expiresAt(), mapped, now);
        SignwardMetrics.count(MetricNames.TOKENS_VALIDATED, "cache", "miss");
        return mapped;
    }

    /** For tests: tokens cached now. */
    int cached() {
        return cache.size();
    }
}
