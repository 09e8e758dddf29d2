package com.signward.idserver.internal.jwt;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The key source's state as health reporting sees it: before, between and during outages. */
@org.junit.jupiter.api.extension.ExtendWith(com.signward.idserver.ExpectedWarnings.class) // provokes the SDK's warnings on purpose
class KeyStateTest {
    private final ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1);

    @Test
    void emptyBeforeTheFirstFetch() {
        KeyState state = f.keySource.state();
        assertEquals(Set.of(), state.keyIds());
        assertNull(state.lastSuccess());
        assertNull(state.failingSince());
    }

    @Test
    void failedFirstFetchIsReportedAsFailingWithoutKeys() {
        f.fetcher.failing(true);
        Instant failedAt = f.clock.instant();
        assertThrows(KeysUnavailableException.class, f.keySource::keys);
        f.clock.advance(ValidatorFixture.MIN_REFRESH_INTERVAL);
        assertThrows(KeysUnavailableException.class, f.keySource::keys);
        KeyState state = f.keySource.state();
        assertEquals(Set.of(), state.keyIds());
        assertEquals(failedAt, state.failingSince(), "the first failure since the last success");
    }

    @Test
    void successThenOutageThenRecovery() throws Exception {
        Instant fetchedAt = f.clock.instant();
        f.keySource.keys();
        KeyState fresh = f.keySource.state();
        assertEquals(Set.of("rsa-1"), fresh.keyIds());
        assertEquals(fetchedAt, fresh.lastSuccess());
        assertEquals(fetchedAt.plus(JwksKeySource.DEFAULT_MAX_AGE), fresh.nextRefresh());
        assertEquals(fetchedAt.plus(ValidatorFixture.MAX_STALE), fresh.usableUntil());
        assertNull(fresh.failingSince());

        f.fetcher.failing(true);
        f.clock.advance(JwksKeySource.DEFAULT_MAX_AGE);
        Instant failedAt = f.clock.instant();
        f.keySource.keys(); // expired: refetch fails, the old keys are served
        KeyState stale = f.keySource.state();
        assertEquals(Set.of("rsa-1"), stale.keyIds());
        assertEquals(fetchedAt, stale.lastSuccess());
        assertEquals(failedAt, stale.failingSince());

        f.fetcher.failing(false);
        f.clock.advance(Duration.ofMinutes(1));
        f.keySource.keys();
        assertNull(f.keySource.state().failingSince());
        assertEquals(f.clock.instant(), f.keySource.state().lastSuccess());
    }
}
