package com.signward.idserver.web;

import com.signward.idserver.internal.oidc.Pkce;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.signward.idserver.web.PendingLogins.Status.EXPIRED;
import static com.signward.idserver.web.PendingLogins.Status.FOUND;
import static com.signward.idserver.web.PendingLogins.Status.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingLoginsTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(10);

    private static PendingLogin attempt(String target, Instant at) {
        return new PendingLogin(Pkce.newState(), Pkce.newState(), Pkce.newVerifier(),
                "https://app.example/auth/callback", target, at);
    }

    @Test
    void severalTabsEachCompleteInAnyOrder() {
        PendingLogins logins = new PendingLogins(10, TTL);
        PendingLogin tab1 = attempt("/one", T0);
        PendingLogin tab2 = attempt("/two", T0.plusSeconds(1));
        PendingLogin tab3 = attempt("/three", T0.plusSeconds(2));
        logins.add(tab1, T0);
        logins.add(tab2, T0.plusSeconds(1));
        logins.add(tab3, T0.plusSeconds(2));

        assertSame(tab2, logins.consume(tab2.state(), T0.plusSeconds(5)).login());
        assertSame(tab3, logins.consume(tab3.state(), T0.plusSeconds(6)).login());
        assertSame(tab1, logins.consume(tab1.state(), T0.plusSeconds(7)).login());
        assertEquals(0, logins.size());
    }

    @Test
    void anAttemptRecordsItsTenantAndPeekingConsumesNothing() {
        PendingLogins logins = new PendingLogins(10, TTL);
        PendingLogin atB = new PendingLogin(Pkce.newState(), Pkce.newState(), Pkce.newVerifier(),
                "https://app.example/auth/callback", "/", T0, "b");
        PendingLogin atDefault = attempt("/", T0);
        logins.add(atB, T0);
        logins.add(atDefault, T0);
        assertEquals("b", logins.peek(atB.state()).tenant());
        assertEquals("default", logins.peek(atDefault.state()).tenant());
        assertNull(logins.peek("unknown"));
        assertNull(logins.peek(null));
        assertEquals(2, logins.size());
        assertSame(atB, logins.consume(atB.state(), T0.plusSeconds(1)).login());
        assertEquals("default", new PendingLogin(Pkce.newState(), Pkce.newState(), Pkce.newVerifier(),
                "https://app.example/auth/callback", "/", T0, null).tenant(), "older sessions: the default");
    }

    @Test
    void aStateWorksOnce() {
        PendingLogins logins = new PendingLogins(10, TTL);
        PendingLogin tab = attempt("/", T0);
        logins.add(tab, T0);

        assertEquals(FOUND, logins.consume(tab.state(), T0.plusSeconds(1)).status());
        PendingLogins.Lookup replay = logins.consume(tab.state(), T0.plusSeconds(2));
        assertEquals(UNKNOWN, replay.status());
        assertNull(replay.login());
    }

    @Test
    void unknownMissingAndTamperedStatesAreUnknown() {
        PendingLogins logins = new PendingLogins(10, TTL);
        PendingLogin tab = attempt("/", T0);
        logins.add(tab, T0);

        assertEquals(UNKNOWN, logins.consume(null, T0).status());
        assertEquals(UNKNOWN, logins.consume("", T0).status());
        assertEquals(UNKNOWN, logins.consume(tab.state() + "x", T0).status());
        assertEquals(UNKNOWN, logins.consume(tab.state().substring(1), T0).status());
        assertEquals(FOUND, logins.consume(tab.state(), T0).status(), "the real one still works");
    }

    @Test
    void attemptsExpire() {
        PendingLogins logins = new PendingLogins(10, TTL);
        PendingLogin old = attempt("/", T0);
        logins.add(old, T0);

        PendingLogins.Lookup lookup = logins.consume(old.state(), T0.plus(TTL));
        assertEquals(EXPIRED, lookup.status());
        assertNull(lookup.login());
        assertEquals(UNKNOWN, logins.consume(old.state(), T0.plus(TTL)).status(), "and is gone");
    }

    @Test
    void expiredAttemptsArePurgedWhenOthersAreAdded() {
        PendingLogins logins = new PendingLogins(10, TTL);
        for (int i = 0; i < 5; i++) {
            logins.add(attempt("/", T0), T0);
        }
        logins.add(attempt("/", T0.plus(TTL)), T0.plus(TTL));
        assertEquals(1, logins.size());
    }

    @Test
    void theNumberOfAttemptsIsBoundedAndTheOldestGoes() {
        PendingLogins logins = new PendingLogins(3, TTL);
        List<PendingLogin> tabs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PendingLogin tab = attempt("/" + i, T0.plusSeconds(i));
            tabs.add(tab);
            logins.add(tab, T0.plusSeconds(i));
        }
        assertEquals(3, logins.size());
        assertEquals(UNKNOWN, logins.consume(tabs.get(0).state(), T0.plusSeconds(10)).status());
        assertEquals(UNKNOWN, logins.consume(tabs.get(1).state(), T0.plusSeconds(10)).status());
        for (int i = 2; i < 5; i++) {
            assertSame(tabs.get(i), logins.consume(tabs.get(i).state(), T0.plusSeconds(10)).login());
        }
    }

    @Test
    void concurrentAttemptsAreAllKeptUpToTheBound() throws Exception {
        PendingLogins logins = new PendingLogins(100, TTL);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PendingLogin>> added = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            added.add(pool.submit(() -> {
                start.await();
                PendingLogin tab = attempt("/", T0);
                logins.add(tab, T0);
                return tab;
            }));
        }
        start.countDown();
        Set<String> states = new HashSet<>();
        for (Future<PendingLogin> f : added) {
            states.add(f.get(10, TimeUnit.SECONDS).state());
        }
        pool.shutdown();
        assertEquals(64, logins.size());
        for (String state : states) {
            assertEquals(FOUND, logins.consume(state, T0).status());
        }
    }

    @Test
    void survivesSerializationAndNeverPrintsSecrets() throws Exception {
        PendingLogins logins = new PendingLogins(10, TTL);
        PendingLogin tab = attempt("/orders", T0);
        logins.add(tab, T0);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(logins);
        }
        PendingLogins copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (PendingLogins) in.readObject();
        }
        PendingLogin restored = copy.consume(tab.state(), T0.plusSeconds(1)).login();
        assertEquals(tab, restored);

        String printed = tab + " " + logins;
        assertFalse(printed.contains(tab.state()));
        assertFalse(printed.contains(tab.nonce()));
        assertFalse(printed.contains(tab.codeVerifier()));
    }

    @Test
    void statesAreLongAndUnpredictable() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String state = Pkce.newState();
            assertTrue(state.length() >= 43, "256 bits in base64url");
            assertTrue(seen.add(state));
        }
        String verifier = Pkce.newVerifier();
        assertTrue(verifier.length() >= 43 && verifier.length() <= 128);
        assertTrue(verifier.matches("[A-Za-z0-9_-]+"));
    }
}
