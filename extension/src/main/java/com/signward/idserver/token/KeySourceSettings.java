package com.signward.idserver.token;

import java.time.Duration;

/**
 * How the JWKS key source refreshes.
 *
 * @param minRefreshInterval least time between two fetches caused by an unknown {@code kid} (default 30 s)
 * @param maxStale           how long the last good keys keep working while the JWKS endpoint fails (default 24 h)
 */
public record KeySourceSettings(Duration minRefreshInterval, Duration maxStale) {
    public static KeySourceSettings defaults() {
        return new KeySourceSettings(Duration.ofSeconds(30), Duration.ofHours(24));
    }
}
