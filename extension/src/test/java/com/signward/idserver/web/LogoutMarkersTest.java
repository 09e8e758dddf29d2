package com.signward.idserver.web;

import com.signward.idserver.internal.jwt.MutableClock;
import com.signward.idserver.web.state.MemoryStateStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@org.junit.jupiter.api.extension.ExtendWith(com.signward.idserver.ExpectedWarnings.class) // provokes the SDK's warnings on purpose
class LogoutMarkersTest {

    private final MutableClock clock = new MutableClock();
    private final MemoryStateStore store = new MemoryStateStore(clock, 1000);
    private final LogoutMarkers markers = new LogoutMarkers(store, "web-app", Duration.ofHours(13), clock);

    private SessionLogin login(String sub, String sid) {
        SessionLogin template = SessionLoginTest.login(clock.instant().plusSeconds(300), "rt");
        return new SessionLogin("at", "rt", "id", template.expiresAt(), template.user(),
                new com.signward.idserver.internal.jwt.IdTokenFacts(sub, null, null, "n"), clock.instant(), sid);
    }

    @Test
    void aSidMarkerEndsThatSessionOnly() {
        SessionLogin a = login("user-1", "sid-a");
        SessionLogin b = login("user-1", "sid-b");
        clock.advance(Duration.ofSeconds(1));
        markers.loggedOut("sid-a", "user-1");
        assertTrue(markers.loggedOut(a));
        assertFalse(markers.loggedOut(b), "the user's other Signward session stays");
    }

    @Test
    void aSubMarkerEndsEveryLoginOfTheUserThatBeganBefore() {
        SessionLogin a = login("user-1", "sid-a");
        SessionLogin noSid = login("user-1", null);
        SessionLogin other = login("user-2", "sid-c");
        clock.advance(Duration.ofSeconds(1));
        markers.loggedOut(null, "user-1");
        assertTrue(markers.loggedOut(a));
        assertTrue(markers.loggedOut(noSid));
        assertFalse(markers.loggedOut(other));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(markers.loggedOut(login("user-1", "sid-new")), "a login after the logout is not ended");
    }

    @Test
    void markersLiveLongerThanTheLongestLogin() {
        SessionLogin a = login("user-1", "sid-a");
        markers.loggedOut("sid-a", null);
        clock.advance(Duration.ofHours(12));
        assertTrue(markers.loggedOut(a));
    }

    @Test
    void aJtiIsAcceptedOnce() {
        assertTrue(markers.firstUse("https://issuer", "jti-1", Duration.ofMinutes(5)));
        assertFalse(markers.firstUse("https://issuer", "jti-1", Duration.ofMinutes(5)));
        assertTrue(markers.firstUse("https://other-issuer", "jti-1", Duration.ofMinutes(5)));
    }

    @Test
    void oneRefreshLeasePerLogin() {
        TokenRefresher.Lease lease = markers.refreshLease(Duration.ofSeconds(30));
        SessionLogin a = login("user-1", "sid-a");
        assertTrue(lease.acquire(a));
        assertFalse(lease.acquire(a), "another node");
        assertTrue(lease.acquire(login("user-1", "sid-a")), "another generation");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(lease.acquire(a), "a lease of a node that died expires");
        lease.release(a);
        assertTrue(lease.acquire(a), "given back after the refresh");
    }

    @Test
    void aStoreThatCannotBeReadEndsTheLogin() {
        com.signward.idserver.web.state.StateStore broken = new com.signward.idserver.web.state.StateStore() {
            @Override
            public void put(String key, String value, Duration ttl) {
            }

            @Override
            public boolean putIfAbsent(String key, String value, Duration ttl) {
                return false;
            }

            @Override
            public java.util.Optional<String> get(String key) {
                throw new IllegalStateException("cluster member unreachable");
            }

            @Override
            public void remove(String key) {
            }

            @Override
            public String describe() {
                return "broken";
            }

            @Override
            public boolean distributed() {
                return true;
            }
        };
        LogoutMarkers failing = new LogoutMarkers(broken, "web-app", Duration.ofHours(13), clock);
        assertTrue(failing.loggedOut(login("user-1", "sid-a")), "fail closed");
    }
}
