package com.signward.idserver.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReturnTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/",
            "/orders",
            "/orders/7?tab=items&sort=desc",
            "/search?q=a%20b%2Fc",
            "/files/a%2Fb",
            "/a/b/c/",
            "/path;matrix=1",
            "/~user/page.html",
            "/x?next=//not-a-host-because-in-query",
            "/x?url=https://example.com",
            "/caf%C3%A9",
    })
    void acceptsPathsWithinTheApplication(String target) {
        assertEquals(target, ReturnTarget.parse(target).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "//evil.example",
            "//evil.example/path",
            "///evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\\/evil.example",
            "https://evil.example",
            "http://evil.example/x",
            "HTTPS://evil.example",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "evil.example",
            "orders",
            "./orders",
            "../orders",
            "/%2F%2Fevil.example",
            "/%2f%2fevil.example",
            "/%5Cevil.example",
            "/%5cevil.example",
            "/%252F%252Fevil.example",
            "/%25252F%25252Fevil.example",
            "/%2F/evil.example",
            "/\t/evil.example",
            "/%09/evil.example",
            "/%0D%0ALocation:%20https://evil.example",
            "/\r\nLocation: https://evil.example",
            "/x?a=%0d%0aSet-Cookie:x=y",
            "/ /evil.example",
            "/\u3000/evil.example",
            "/\uFF0F\uFF0Fevil.example",
            "/%EF%BC%8F%EF%BC%8Fevil.example",
            "/\u200B/evil.example",
            "/caf\u00e9",
            "/a/../../evil",
            "/a/%2e%2e/%2e%2e/evil",
            "/./x",
            "/x#fragment",
            "/x%",
            "/x%zz",
            "/x%C3",
            "",
            " /orders",
            "/orders ",
    })
    void refusesEverythingElse(String target) {
        assertTrue(ReturnTarget.parse(target).isEmpty(), () -> "accepted " + target);
    }

    @Test
    void refusesNullAndOverlongValues() {
        assertFalse(ReturnTarget.isSafe(null));
        assertFalse(ReturnTarget.isSafe("/" + "a".repeat(ReturnTarget.MAX_LENGTH)));
        assertTrue(ReturnTarget.isSafe("/" + "a".repeat(ReturnTarget.MAX_LENGTH - 1)));
    }
}
