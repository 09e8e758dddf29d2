package com.signward.idserver.web;

import com.signward.idserver.TestCores;
import com.signward.idserver.internal.oidc.OidcCore;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebLoginSettingsTest {

    @Test
    void defaults() {
        WebLoginSettings s = WebLoginSettings.defaults();
        assertEquals("/auth/login", s.loginPath());
        assertEquals("/auth/callback", s.callbackPath());
        assertEquals("/auth/logout", s.logoutPath());
        assertEquals("/", s.postLoginRedirect());
        assertEquals("/", s.postLogoutRedirect());
        assertTrue(s.publicBaseUrl().isEmpty());
        assertFalse(s.logoutGetEnabled(), "logout by GET is off by default");
        assertEquals(Duration.ofSeconds(60), s.refreshMargin());
        assertEquals(10, s.maxPendingLogins());
        assertEquals(Duration.ofMinutes(10), s.pendingLoginTtl());
        assertEquals(List.of(), s.scopes());
        assertTrue(s.fetchUserinfo());
    }

    @Test
    void acceptsValidValues() {
        WebLoginSettings s = WebLoginSettings.builder().loginPath("/login").callbackPath("/oidc/cb")
                .logoutPath("/bye").postLoginRedirect("/home?x=1").postLogoutRedirect("https://myapp.com/bye")
                .publicBaseUrl(URI.create("https://myapp.com/")).refreshMargin(Duration.ZERO)
                .scopes(List.of("openid", "roles")).build();
        assertEquals(URI.create("https://myapp.com"), s.publicBaseUrl().orElseThrow());
        assertEquals("https://myapp.com/bye", s.postLogoutRedirect());
    }

    @Test
    void refusesInvalidValuesNamingTheSetting() {
        assertMessage("loginPath", WebLoginSettings.builder().loginPath("auth/login"));
        assertMessage("callbackPath", WebLoginSettings.builder().callbackPath("/auth/callback?x"));
        assertMessage("logoutPath", WebLoginSettings.builder().logoutPath("//x"));
        assertMessage("must differ", WebLoginSettings.builder().logoutPath("/auth/login"));
        assertMessage("postLoginRedirect", WebLoginSettings.builder().postLoginRedirect("https://evil.example"));
        assertMessage("postLoginRedirect", WebLoginSettings.builder().postLoginRedirect("//evil.example"));
        assertMessage("postLogoutRedirect", WebLoginSettings.builder().postLogoutRedirect("//evil.example"));
        assertMessage("publicBaseUrl", WebLoginSettings.builder().publicBaseUrl(URI.create("myapp.com")));
        assertMessage("maxPendingLogins", WebLoginSettings.builder().maxPendingLogins(0));
        assertMessage("pendingLoginTtl", WebLoginSettings.builder().pendingLoginTtl(Duration.ZERO));
        assertMessage("refreshMargin", WebLoginSettings.builder().refreshMargin(Duration.ofSeconds(-1)));
        assertMessage("openid", WebLoginSettings.builder().scopes(List.of("profile")));
    }

    @Test
    void theLoginNeedsTheOpenidScope() {
        com.signward.idserver.SignwardOptions.Builder options = com.signward.idserver.SignwardOptions.builder()
                .authority("https://id.example").clientId("web-app");
        com.signward.idserver.SignwardOptions profileOnly = options.scopes(List.of("profile")).build();
        try (OidcCore withoutOpenid = TestCores.core(profileOnly, java.time.Clock.systemUTC())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new WebLogin(withoutOpenid, TestCores.toUser(profileOnly), WebLoginSettings.defaults()));
            assertTrue(e.getMessage().contains("openid"));
            new WebLogin(withoutOpenid, TestCores.toUser(profileOnly),
                    WebLoginSettings.builder().scopes(List.of("openid", "profile")).build());
        }
        com.signward.idserver.SignwardOptions plain = com.signward.idserver.SignwardOptions.builder()
                .authority("https://id.example").clientId("web-app").build();
        try (OidcCore defaults = TestCores.core(plain, java.time.Clock.systemUTC())) {
            assertTrue(new WebLogin(defaults, TestCores.toUser(plain), WebLoginSettings.defaults()).toString()
                    .contains("/auth/callback"));
        }
    }

    @Test
    void errorPagesEscapeEverything() {
        assertEquals("&lt;script&gt;&amp;&quot;&#39;", Responses.escape("<script>&\"'"));
    }

    private static void assertMessage(String part, WebLoginSettings.Builder builder) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
