package com.signward.idserver.internal.jwt;

import java.time.Instant;
import java.util.Set;

/**
 * What a {@link JwksKeySource} holds at one moment, for health reporting. Immutable.
 *
 * @param keyIds       the {@code kid}s of the current key set (empty before the first successful fetch)
 * @param lastSuccess  when the current key set was fetched, or {@code null}
 * @param nextRefresh  when it is due for a refresh (its max-age), or {@code null}
 * @param usableUntil  until when it may be used while fetches fail, or {@code null}
 * @param failingSince when fetches started failing since the last success, or {@code null} while they succeed
 */
public record KeyState(Set<String> keyIds, Instant lastSuccess, Instant nextRefresh, Instant usableUntil,
                       Instant failingSince) {

    public KeyState {
        keyIds = Set.copyOf(keyIds);
    }
}
