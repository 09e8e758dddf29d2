package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.jwt.MutableClock;
import com.signward.idserver.web.state.MemoryStateStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateStoreDeliveryLogTest {

    private final MutableClock clock = new MutableClock();
    private final MemoryStateStore store = new MemoryStateStore(clock, 100);

    @Test
    void aDeliveryIdIsClaimedOnceAcrossLogsOnTheSameStore() {
        StateStoreDeliveryLog nodeA = new StateStoreDeliveryLog(store, "web-app", Duration.ofHours(24));
        StateStoreDeliveryLog nodeB = new StateStoreDeliveryLog(store, "web-app", Duration.ofHours(24));
        assertTrue(nodeA.claim("d-1", clock.instant()));
        assertFalse(nodeB.claim("d-1", clock.instant()), "the retry reached the other node: a duplicate");
        assertTrue(store.get("signward:web-app:webhook:d-1").isPresent(), "kept in the shared store");
    }

    @Test
    void aReleasedClaimIsProcessedAgainAndClaimsExpire() {
        StateStoreDeliveryLog log = new StateStoreDeliveryLog(store, "web-app", Duration.ofHours(24));
        assertTrue(log.claim("d-2", clock.instant()));
        log.release("d-2"); // the observer failed: Signward's retry must be processed
        assertTrue(log.claim("d-2", clock.instant()));
        clock.advance(Duration.ofHours(25));
        assertTrue(log.claim("d-2", clock.instant()), "forgotten after the time to live");
    }

    @Test
    void applicationsSharingACacheDoNotMeet() {
        assertTrue(new StateStoreDeliveryLog(store, "app-1", Duration.ofHours(1)).claim("d-3", clock.instant()));
        assertTrue(new StateStoreDeliveryLog(store, "app-2", Duration.ofHours(1)).claim("d-3", clock.instant()));
    }
}
