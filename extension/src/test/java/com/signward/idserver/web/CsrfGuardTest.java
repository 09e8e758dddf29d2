package com.signward.idserver.web;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfGuardTest {

    private static final String OWN = "http://127.0.0.1:8080";
    private final CsrfGuard guard = new CsrfGuard(true, Optional.of(URI.create("https://shop.example.com")),
            Set.of("https://admin.example.com"));

    private boolean accepted(String method, String site, String origin) {
        return guard.refusal(method, site, origin, OWN).isEmpty();
    }

    @Test
    void safeMethodsAreNeverChecked() {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS", "TRACE"}) {
            assertTrue(accepted(method, "cross-site", "https://evil.example"), method);
        }
    }

    @Test
    void secFetchSiteSameOriginOrNoneIsEnough() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "post"}) {
            assertTrue(accepted(method, "same-origin", null), method);
            assertTrue(accepted(method, "none", null), method);
            assertTrue(accepted(method, "Same-Origin", "https://evil.example"), "Sec-Fetch-Site decides first");
        }
    }

    @Test
    void crossSiteOrSameSiteNeedsAMatchingOrigin() {
        assertFalse(accepted("POST", "cross-site", null));
        assertFalse(accepted("POST", "same-site", null));
        assertFalse(accepted("POST", "cross-site", "https://evil.example"));
        assertTrue(accepted("POST", "same-site", "https://admin.example.com"), "an allowed origin");
    }

    @Test
    void withoutSecFetchSiteTheOriginDecides() {
        assertTrue(accepted("POST", null, OWN), "the request's own origin");
        assertTrue(accepted("DELETE", null, "https://shop.example.com"), "the public base URL's origin");
        assertTrue(accepted("DELETE", null, "https://shop.example.com:443"), "the default port is the same origin");
        assertTrue(accepted("PUT", null, "HTTPS://ADMIN.example.com"), "case-insensitive scheme and host");
        assertFalse(accepted("POST", null, "https://evil.example"));
        assertFalse(accepted("POST", null, "http://127.0.0.1:8081"), "another port is another origin");
        assertFalse(accepted("POST", null, "https://shop.example.com.evil.example"));
        assertFalse(accepted("POST", null, "null"), "an opaque origin");
        assertFalse(accepted("POST", null, "not a url"));
    }

    @Test
    void neitherHeaderIsRefusedWithTheReason() {
        Optional<String> refusal = guard.refusal("POST", null, null, OWN);
        assertTrue(refusal.isPresent());
        assertTrue(refusal.get().contains("neither Sec-Fetch-Site nor Origin"), refusal.get());
        assertTrue(guard.refusal("POST", null, "https://evil.example", OWN).orElseThrow()
                .contains("https://evil.example"));
    }

    @Test
    void turnedOffEverythingPasses() {
        CsrfGuard off = new CsrfGuard(false, Optional.empty(), Set.of());
        assertEquals(Optional.empty(), off.refusal("POST", "cross-site", "https://evil.example", OWN));
    }

    @Test
    void allowedOriginsMustBeOrigins() {
        for (String bad : new String[] {"https://a.example/path", "ftp://a.example", "a.example", "https://u@a.example"}) {
            org.junit.jupiter.api.Assertions.assertThrows(com.signward.idserver.InvalidOptionException.class,
                    () -> SessionSettings.builder().csrfAllowedOrigins(Set.of(bad)).build(), bad);
        }
        assertEquals(Set.of("https://a.example:8443"), SessionSettings.builder()
                .csrfAllowedOrigins(Set.of("https://A.example:8443")).build().csrfAllowedOrigins());
    }
}
