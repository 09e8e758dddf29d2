package com.signward.idserver.token;

import java.time.Duration;
import java.util.Objects;

/**
 * How the JWKS key source refreshes.
 *
 * @param minRefreshInterval least time between two fetches caused by an unknown {@code kid} (default 30 s); also the
 *                           pause after a failed fetch before the next attempt
 * @param maxStale           how long the last good keys keep working while the JWKS endpoint fails, counted from the
 *                           last successful fetch (default 24 h); keys are never dropped before their own
 *                           {@code Cache-Control: max-age} runs out
 */
public record KeySourceSettings(Duration minRefreshInterval, Duration maxStale) {

    /** Default least time between two fetches caused by an unknown {@code kid}. */
    public static final Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    /** Default time the last good keys keep working while the JWKS endpoint fails. */
    public static final Duration DEFAULT_MAX_STALE = Duration.ofHours(24);

    /**
     * @throws NullPointerException     when a duration is null
     * @throws IllegalArgumentException when a duration is negative
     */
    public KeySourceSettings {
        Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
        Objects.requireNonNull(maxStale, "maxStale");
        if (minRefreshInterval.isNegative()) {
            throw new IllegalArgumentException("minRefreshInterval must not be negative");
        }
        if (maxStale.isNegative()) {
            throw new IllegalArgumentException("maxStale must not be negative");
        }
    }

    /** @return 30 s minimum refresh interval, 24 h maximum staleness */
    public static KeySourceSettings defaults() {
        return new KeySourceSettings(DEFAULT_MIN_REFRESH_INTERVAL, DEFAULT_MAX_STALE);
    }
}
