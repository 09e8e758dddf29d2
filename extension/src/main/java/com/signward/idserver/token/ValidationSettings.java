package com.signward.idserver.token;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Rules the validator applies to every token, besides issuer and audience which are given per call.
 *
 * <p>An HMAC algorithm ({@code HS256/384/512}) is accepted only when it is in {@code allowedAlgorithms} <em>and</em>
 * {@code allowSymmetricKeys} is on. It is off by default: a symmetric key must be shared with every party that
 * validates tokens, so each of them can also mint tokens, and the key travels in the JWKS, which is normally public.
 * Use asymmetric keys unless the identity server offers nothing else.
 *
 * @param clockSkew          leeway for {@code exp}, {@code nbf} and {@code iat}
 * @param allowedAlgorithms  JWS algorithms accepted at all (still subject to the key's type and {@code alg});
 *                           only names from {@link #ASYMMETRIC_ALGORITHMS} and {@link #SYMMETRIC_ALGORITHMS}
 * @param allowSymmetricKeys accept HS256/384/512 with {@code kty: oct} keys from the JWKS
 * @param clock              time source (tests move it)
 */
public record ValidationSettings(Duration clockSkew, Set<String> allowedAlgorithms, boolean allowSymmetricKeys,
                                 Clock clock) {

    /** RS256/384/512, PS256/384/512, ES256/384/512 and EdDSA: the default allow-list. */
    public static final Set<String> ASYMMETRIC_ALGORITHMS = Set.of(
            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");
    /** HS256/384/512: usable only together with {@code allowSymmetricKeys}. */
    public static final Set<String> SYMMETRIC_ALGORITHMS = Set.of("HS256", "HS384", "HS512");
    /** Default leeway for time claims. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(10);
    /** Largest accepted leeway for time claims. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    /**
     * Copies {@code allowedAlgorithms} into an immutable set.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the skew is negative or over a day, or an algorithm is {@code none} or
     *                                  unsupported
     */
    public ValidationSettings {
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(clock, "clock");
        allowedAlgorithms = Set.copyOf(Objects.requireNonNull(allowedAlgorithms, "allowedAlgorithms"));
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clockSkew must be between 0 and " + MAX_CLOCK_SKEW);
        }
        for (String alg : allowedAlgorithms) {
            if ("none".equalsIgnoreCase(alg)) {
                throw new IllegalArgumentException("allowedAlgorithms: 'none' can never be allowed");
            }
            if (!ASYMMETRIC_ALGORITHMS.contains(alg) && !SYMMETRIC_ALGORITHMS.contains(alg)) {
                throw new IllegalArgumentException("allowedAlgorithms: unsupported JWS algorithm " + alg);
            }
        }
    }

    /** @return 10 s skew, the asymmetric algorithms, symmetric keys off, the system clock */
    public static ValidationSettings defaults() {
        return of(DEFAULT_CLOCK_SKEW, false);
    }

    /**
     * Settings with the default allow-list: the asymmetric algorithms, plus HS256/384/512 when
     * {@code allowSymmetricKeys} is on; the system UTC clock.
     *
     * @param clockSkew          leeway for time claims
     * @param allowSymmetricKeys accept HMAC-signed tokens with {@code kty: oct} keys from the JWKS
     * @return the settings
     */
    public static ValidationSettings of(Duration clockSkew, boolean allowSymmetricKeys) {
        Set<String> algorithms = new HashSet<>(ASYMMETRIC_ALGORITHMS);
        if (allowSymmetricKeys) {
            algorithms.addAll(SYMMETRIC_ALGORITHMS);
        }
        return new ValidationSettings(clockSkew, algorithms, allowSymmetricKeys, Clock.systemUTC());
    }
}
