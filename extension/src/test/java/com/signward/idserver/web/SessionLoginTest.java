package com.signward.idserver.web;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.internal.jwt.IdTokenFacts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionLoginTest {

    private static final Instant EXPIRY = Instant.parse("2025-01-01T10:00:00Z");

    static SessionLogin login(Instant expiresAt, String refreshToken) {
        SignwardUser user = SignwardUser.fromClaims(Map.of("sub", "3f2a3c5e-8d1b-4c1e-9b7a-0d6c2e1f4a5b",
                "email", "ada@example.com", "roles", List.of("admin")));
        return new SessionLogin("access-token-value", refreshToken, "id-token-value", expiresAt, user,
                new IdTokenFacts("3f2a3c5e-8d1b-4c1e-9b7a-0d6c2e1f4a5b", null, null, "nonce-value"),
                Instant.parse("2025-01-01T09:00:00Z"), "sid-1");
    }

    @Test
    void refreshIsDueWithinTheMargin() {
        SessionLogin login = login(EXPIRY, "refresh-token-value");
        Duration margin = Duration.ofSeconds(60);
        assertFalse(login.refreshDue(EXPIRY.minusSeconds(61), margin));
        assertTrue(login.refreshDue(EXPIRY.minusSeconds(60), margin));
        assertFalse(login.expired(EXPIRY.minusSeconds(1)));
        assertTrue(login.expired(EXPIRY));
        SessionLogin unknownExpiry = login(null, null);
        assertFalse(unknownExpiry.refreshDue(EXPIRY.plusSeconds(100_000), margin));
        assertFalse(unknownExpiry.expired(EXPIRY.plusSeconds(100_000)));
    }

    @Test
    void isSerializableAndSmall() throws Exception {
        SessionLogin login = login(EXPIRY, "refresh-token-value");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(login);
        }
        assertTrue(bytes.size() < 8192, "a few KiB at most: " + bytes.size());
        SessionLogin copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (SessionLogin) in.readObject();
        }
        assertEquals(login.generation(), copy.generation());
        assertEquals(login.user(), copy.user());
        assertEquals("refresh-token-value", copy.refreshToken());
        assertEquals(EXPIRY, copy.expiresAt());
        assertTrue(copy.user().hasRole("ADMIN"));
    }

    @Test
    void neverPrintsTokens() {
        SessionLogin login = login(EXPIRY, "refresh-token-value");
        String printed = login.toString() + login.idTokenFacts();
        assertFalse(printed.contains("access-token-value"));
        assertFalse(printed.contains("refresh-token-value"));
        assertFalse(printed.contains("id-token-value"));
        assertFalse(printed.contains("nonce-value"));
    }

    @Test
    void everyInstanceHasItsOwnGeneration() {
        assertNotEquals(login(EXPIRY, null).generation(), login(EXPIRY, null).generation());
    }
}
