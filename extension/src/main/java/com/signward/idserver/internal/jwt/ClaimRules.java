package com.signward.idserver.internal.jwt;

import java.time.Instant;
import java.util.Map;

/** The claim rules of one kind of token, run once on a token whose signature has been verified. */
@FunctionalInterface
public interface ClaimRules {

    /**
     * @param jws    the token (for its {@code typ} and {@code alg})
     * @param claims its verified payload as plain values
     * @param now    the injected clock's time
     * @return the instant from which the token counts as expired ({@code exp} + skew), or {@code null} when it has
     *         no {@code exp}
     * @throws TokenRejectedException naming the first rule that fails
     */
    Instant check(CompactJws jws, Map<String, Object> claims, Instant now) throws TokenRejectedException;
}
