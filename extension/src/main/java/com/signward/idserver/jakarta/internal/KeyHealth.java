package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.jwt.KeyState;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The readiness of the application's Signward keys, decided from a {@link KeyState} without the Health API: up
 * while a key can be served; stale while keys are served although fetching them failed or their max-age ran out.
 *
 * @param up    whether a token can be validated now
 * @param stale whether the keys served are stale
 * @param data  what the readiness check reports: authority, key ids, last successful refresh, next refresh,
 *              stale, stale since (times in ISO-8601)
 */
record KeyHealth(boolean up, boolean stale, Map<String, String> data) {

    KeyHealth {
        data = Map.copyOf(data);
    }

    static KeyHealth of(String authority, KeyState state, Instant now) {
        boolean up = up(state, now);
        Instant staleSince = staleSince(state, now);
        boolean stale = staleSince != null;
        Map<String, String> data = new LinkedHashMap<>();
        data.put("authority", authority);
        data.put("keyIds", String.join(",", state.keyIds()));
        put(data, "lastSuccessfulRefresh", state.lastSuccess());
        put(data, "nextRefresh", state.nextRefresh());
        data.put("stale", Boolean.toString(stale));
        if (stale) {
            put(data, "staleSince", staleSince);
        }
        if (!up && state.failingSince() != null) {
            put(data, "failingSince", state.failingSince());
        }
        return new KeyHealth(up, stale, data);
    }

    /**
     * Seconds the keys have been served stale at {@code now} (the gauge
     * {@value com.signward.idserver.internal.metrics.MetricNames#JWKS_STALE_SECONDS}); 0 while fresh or unusable.
     */
    static double staleSeconds(KeyState state, Instant now) {
        Instant since = staleSince(state, now);
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    }

    private static boolean up(KeyState state, Instant now) {
        return !state.keyIds().isEmpty() && state.usableUntil() != null && now.isBefore(state.usableUntil());
    }

    /** Since when usable keys are served stale (fetching failed, or their max-age ran out), or {@code null}. */
    private static Instant staleSince(KeyState state, Instant now) {
        if (!up(state, now)) {
            return null;
        }
        if (state.failingSince() != null) {
            return state.failingSince();
        }
        return state.nextRefresh() != null && !now.isBefore(state.nextRefresh()) ? state.nextRefresh() : null;
    }

    private static void put(Map<String, String> data, String name, Instant value) {
        if (value != null) {
            data.put(name, value.toString());
        }
    }
}
