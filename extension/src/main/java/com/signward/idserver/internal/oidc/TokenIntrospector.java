package com.signward.idserver.internal.oidc;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import com.signward.idserver.internal.jwt.AccessTokenRules;
import com.signward.idserver.internal.jwt.CompactJws;
import com.signward.idserver.internal.jwt.IntrospectionCache;
import com.signward.idserver.internal.jwt.Rejections;
import com.signward.idserver.internal.jwt.TokenRejectedException;
import com.signward.idserver.internal.metrics.MetricNames;
import com.signward.idserver.internal.metrics.SignwardMetrics;

/**
 * Access tokens checked by introspection (RFC 7662) instead of locally: a cached result first (no request), else
 * the provider's answer — {@code active: false} is a rejection; an active answer must pass the access-token rules
 * that apply to it ({@link AccessTokenRules#checkIntrospected}), is mapped once with the same mapper as a validated
 * JWT, and is cached ({@link IntrospectionCache}). Inactive answers are not cached. Counted as
 * {@link MetricNames#INTROSPECTIONS}. Thread-safe.
 *
 * @param <T> what the response is mapped to
 */
public final class TokenIntrospector<T> {

    /** The rejection of an inactive (unknown, revoked, expired) token. */
    public static final String INACTIVE = "token not active";

    private final OidcCore core;
    private final IntrospectionCache<T> cache;
    private final Function<Map<String, Object>, T> mapper;

    /**
     * @param cacheSize results kept; 0: none
     * @param ttl       the longest time a result is trusted
     * @param mapper    a pure function of the response members (the same as for validated JWTs)
     */
    public TokenIntrospector(OidcCore core, int cacheSize, Duration ttl, Function<Map<String, Object>, T> mapper) {
        this.core = Objects.requireNonNull(core, "core");
        this.cache = new IntrospectionCache<>(cacheSize, ttl, core.clock());
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * @return the cached result for this token and these rules, or {@code null}: introspect it
     * @throws TokenRejectedException when the token is not an RFC 6750 token (nothing is sent for it)
     */
    public T cached(String token, AccessTokenRules rules) throws TokenRejectedException {
        checkForm(token);
        T hit = cache.get(token, rules);
        if (hit != null) {
            SignwardMetrics.count(MetricNames.INTROSPECTIONS, "outcome", "cached");
        }
        return hit;
    }

    /**
     * Asks the provider (call {@link #cached} first).
     *
     * @return the mapped result; fails with {@link TokenRejectedException} (inactive, or a rule not met) or
     *         {@link ProviderException} (the endpoint unreachable or failing)
     */
    public CompletableFuture<T> introspect(ProviderMetadata metadata, String token, AccessTokenRules rules) {
        try {
            checkForm(token);
        } catch (TokenRejectedException malformed) {
            return CompletableFuture.failedFuture(malformed);
        }
        return core.introspect(metadata, token).handle((response, failure) -> {
            if (failure != null) {
                SignwardMetrics.count(MetricNames.INTROSPECTIONS, "outcome", "failed");
                throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            }
            try {
                if (!Boolean.TRUE.equals(response.get("active"))) {
                    SignwardMetrics.count(MetricNames.INTROSPECTIONS, "outcome", "inactive");
                    throw new TokenRejectedException(INACTIVE);
                }
                SignwardMetrics.count(MetricNames.INTROSPECTIONS, "outcome", "active");
                Instant expiresAt = rules.checkIntrospected(response, cache.clock().instant());
                T mapped = mapper.apply(response);
                cache.put(token, rules, expiresAt, mapped);
                return mapped;
            } catch (TokenRejectedException rejected) {
                SignwardMetrics.count(MetricNames.TOKENS_REJECTED, "rule", Rejections.rule(rejected.getMessage()));
                throw new CompletionException(rejected);
            }
        });
    }

    /** Visible ASCII only and at most 16 KiB: the cache hashes the ASCII form (no two tokens share a key). */
    private static void checkForm(String token) throws TokenRejectedException {
        boolean ok = !token.isEmpty() && token.length() <= CompactJws.MAX_LENGTH;
        for (int i = 0; ok && i < token.length(); i++) {
            ok = token.charAt(i) > 0x20 && token.charAt(i) < 0x7F;
        }
        if (!ok) {
            throw new TokenRejectedException(Rejections.MALFORMED);
        }
    }
}
