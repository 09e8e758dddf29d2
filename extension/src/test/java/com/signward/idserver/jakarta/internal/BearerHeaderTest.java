package com.signward.idserver.jakarta.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BearerHeaderTest {

    private static BearerHeader.Kind kind(String... values) {
        return BearerHeader.parse(List.of(values)).kind();
    }

    @Test
    void readsTheTokenOfABearerHeaderWhateverTheSchemeCase() {
        assertEquals("abc.def-_~+/==", BearerHeader.parse(List.of("Bearer abc.def-_~+/==")).token());
        assertEquals("abc", BearerHeader.parse(List.of("bearer   abc ")).token());
        assertEquals(BearerHeader.Kind.PRESENT, kind("BEARER abc"));
    }

    @Test
    void otherSchemesAndNoHeaderAreAbsent() {
        assertEquals(BearerHeader.Kind.ABSENT, kind());
        assertEquals(BearerHeader.Kind.ABSENT, kind("Basic dXNlcjpwYXNz"));
        assertEquals(BearerHeader.Kind.ABSENT, kind("BearerX abc"));
    }

    @Test
    void emptyOddOrRepeatedBearerHeadersAreMalformed() {
        assertEquals(BearerHeader.Kind.MALFORMED, kind("Bearer"));
        assertEquals(BearerHeader.Kind.MALFORMED, kind("Bearer "));
        assertEquals(BearerHeader.Kind.MALFORMED, kind("Bearer a b"));
        assertEquals(BearerHeader.Kind.MALFORMED, kind("Bearer a\"b"));
        assertEquals(BearerHeader.Kind.MALFORMED, kind("Bearer abc", "Bearer def"));
    }

    @Test
    void b64TokenGrammar() {
        assertTrue(BearerHeader.isB64Token("aZ09-._~+/=="));
        assertFalse(BearerHeader.isB64Token("=="));
        assertFalse(BearerHeader.isB64Token("a=b"));
        assertFalse(BearerHeader.isB64Token("a\u00e9"));
        assertFalse(BearerHeader.isB64Token("a,b"));
    }
}
