package com.signward.idserver.web;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedirectUrisTest {

    private final RedirectUris fromRequest = new RedirectUris(Optional.empty());

    @Test
    void usesTheRequestOriginAndContextPath() throws Exception {
        assertEquals("https://app.example/shop/auth/callback",
                fromRequest.absolute("https", "app.example", 443, "/shop", "/auth/callback"));
        assertEquals("http://localhost:8080/auth/callback",
                fromRequest.absolute("HTTP", "LocalHost", 8080, "", "/auth/callback"));
        assertEquals("http://[::1]:9080/app/auth/callback",
                fromRequest.absolute("http", "::1", 9080, "/app", "/auth/callback"));
        assertEquals("http://[::1]/x", fromRequest.absolute("http", "[::1]", 80, "", "/x"));
        assertEquals("http://127.0.0.1:8443/x", fromRequest.absolute("http", "127.0.0.1", 8443, null, "/x"));
    }

    @Test
    void publicBaseUrlWinsBehindAProxy() throws Exception {
        RedirectUris proxied = new RedirectUris(Optional.of(URI.create("https://myapp.com/")));
        assertEquals("https://myapp.com/shop/auth/callback",
                proxied.absolute("http", "10.0.0.7", 8080, "/shop", "/auth/callback"));
        RedirectUris prefixed = new RedirectUris(Optional.of(URI.create("https://myapp.com/eu")));
        assertEquals("https://myapp.com/eu/auth/callback",
                prefixed.absolute("http", "evil\r\nhost", 8080, "", "/auth/callback"), "the Host header is not used");
    }

    @Test
    void refusesForgedHostsAndSchemes() {
        for (String host : List.of("evil.example/path", "evil.example?x", "user@evil.example", "evil example",
                "evil\r\n.example", "", "evil.example#x", "[::1")) {
            LoginException e = assertThrows(LoginException.class,
                    () -> fromRequest.absolute("https", host, 443, "", "/auth/callback"), host);
            assertEquals(400, e.status());
        }
        assertThrows(LoginException.class, () -> fromRequest.absolute("ftp", "app.example", 21, "", "/x"));
        assertThrows(LoginException.class, () -> fromRequest.absolute(null, "app.example", 21, "", "/x"));
    }

    @Test
    void checksTheConfiguredBaseUrl() {
        assertEquals(URI.create("https://myapp.com"), RedirectUris.checkBaseUrl(URI.create("https://myapp.com/")));
        for (String bad : List.of("myapp.com", "/relative", "ftp://myapp.com", "https://myapp.com?x=1",
                "https://myapp.com#f", "https://user@myapp.com")) {
            assertThrows(IllegalArgumentException.class, () -> RedirectUris.checkBaseUrl(URI.create(bad)), bad);
        }
    }

    @Test
    void onlyNavigationsThatCanFollowARedirectGetOne() {
        List<String> html = List.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertTrue(RedirectPolicy.acceptsRedirect(List.of(), null, html));
        assertTrue(RedirectPolicy.acceptsRedirect(List.of("Basic abc"), null, html));
        assertFalse(RedirectPolicy.acceptsRedirect(List.of("Bearer abc"), null, html));
        assertFalse(RedirectPolicy.acceptsRedirect(List.of("bearer abc"), null, html));
        assertFalse(RedirectPolicy.acceptsRedirect(List.of(), "XMLHttpRequest", html));
        assertFalse(RedirectPolicy.acceptsRedirect(List.of(), "xmlhttprequest", html));
        assertFalse(RedirectPolicy.acceptsRedirect(List.of(), null, List.of("application/json")));
        assertFalse(RedirectPolicy.acceptsRedirect(List.of(), null, List.of("*/*")));
        assertFalse(RedirectPolicy.acceptsRedirect(List.of(), null, List.of()));
        assertTrue(RedirectPolicy.acceptsRedirect(List.of(), null, List.of("application/json", "TEXT/HTML")));
    }

    @Test
    void pathWithinTheApplication() {
        assertEquals("/auth/login", RedirectPolicy.pathWithinApplication("/shop/auth/login", "/shop"));
        assertEquals("/auth/login", RedirectPolicy.pathWithinApplication("/auth/login", ""));
        assertEquals("/auth/login", RedirectPolicy.pathWithinApplication("/shop/auth/login;jsessionid=ABC", "/shop"));
        assertEquals("/", RedirectPolicy.pathWithinApplication("/shop", "/shop"));
        assertEquals("/", RedirectPolicy.pathWithinApplication("/shop/", "/shop"));
        assertEquals("/orders/", RedirectPolicy.pathWithinApplication("/shop/orders/", "/shop"));
        assertEquals("/evil.example", RedirectPolicy.pathWithinApplication("//evil.example", ""));
    }
}
