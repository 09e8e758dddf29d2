package com.signward.idserver.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@org.junit.jupiter.api.extension.ExtendWith(com.signward.idserver.ExpectedWarnings.class) // provokes the SDK's warnings on purpose
class SessionSealTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final SessionLogin login = SessionLoginTest.login(Instant.parse("2025-01-01T10:00:00Z"),
            "refresh-token-value");

    @Test
    void withoutAKeyTheLoginIsStoredAsItIs() {
        SessionSeal none = new SessionSeal(null);
        assertSame(login, none.seal(login));
        assertSame(login, none.open(login));
    }

    @Test
    void sealedTokensAreNotInTheSessionAttributeAndOpenAgain() throws Exception {
        SessionSeal seal = new SessionSeal(KEY);
        Object sealed = seal.seal(login);
        assertTrue(sealed instanceof SessionSeal.Sealed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sealed); // what a replicating container would send
        }
        String serialized = bytes.toString(StandardCharsets.ISO_8859_1);
        assertFalse(serialized.contains("refresh-token-value"));
        assertFalse(serialized.contains("access-token-value"));
        assertFalse(serialized.contains("ada@example.com"));
        SessionLogin opened = seal.open(sealed);
        assertEquals(login.generation(), opened.generation());
        assertEquals("refresh-token-value", opened.refreshToken());
        assertEquals(login.user(), opened.user());
        assertFalse(Arrays.equals(((SessionSeal.Sealed) sealed).bytes(), ((SessionSeal.Sealed) seal.seal(login)).bytes()),
                "a fresh IV each time");
    }

    @Test
    void aTamperedOrForeignValueReadsAsNoLogin() {
        SessionSeal seal = new SessionSeal(KEY);
        byte[] bytes = ((SessionSeal.Sealed) seal.seal(login)).bytes();
        bytes[bytes.length - 1] ^= 1;
        assertNull(seal.open(new SessionSeal.Sealed(bytes)));
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertNull(new SessionSeal(otherKey).open(seal.seal(login)));
        assertNull(seal.open(login), "a clear login is not accepted once sealing is on");
    }
}
