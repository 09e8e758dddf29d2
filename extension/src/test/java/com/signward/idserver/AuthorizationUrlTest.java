package com.signward.idserver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.signward.idserver.TestSupport.options;
import static com.signward.idserver.TestSupport.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** URL building without any network: the authority is unreachable on purpose. */
class AuthorizationUrlTest {

    private final SignwardClient client = new SignwardClient(options("https://signward.invalid/tenant").build());

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void authorizeUrlCarriesEveryParameter() {
        URI url = client.authorizeUrl(AuthorizationRequest.builder()
                .redirectUri("https://app.example.com/auth/callback?x=1")
                .state("st ate")
                .nonce("n-1")
                .codeChallenge("abc")
                .parameter("prompt", "login")
                .build());
        assertEquals("https://signward.invalid/tenant/connect/authorize", url.toString().split("\\?")[0]);
        assertFalse(url.getRawQuery().contains("+"), "spaces are %20: " + url);
        Map<String, String> q = query(url);
        assertEquals("code", q.get("response_type"));
        assertEquals("my-app", q.get("client_id"));
        assertEquals("https://app.example.com/auth/callback?x=1", q.get("redirect_uri"));
        assertEquals("openid profile email", q.get("scope"));
        assertEquals("st ate", q.get("state"));
        assertEquals("n-1", q.get("nonce"));
        assertEquals("abc", q.get("code_challenge"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals("login", q.get("prompt"));
    }

    @Test
    void optionalParametersAreLeftOut() {
        URI url = client.authorizeUrl(AuthorizationRequest.builder()
                .redirectUri("https://app.example.com/cb").scopes(List.of("openid", "roles")).build());
        Map<String, String> q = query(url);
        assertEquals("openid roles", q.get("scope"));
        assertFalse(q.containsKey("state"));
        assertFalse(q.containsKey("nonce"));
        assertFalse(q.containsKey("code_challenge"));
        assertFalse(q.containsKey("code_challenge_method"));
    }

    @Test
    void requestBuilderRejectsMistakes() {
        assertEquals("redirectUri is required",
                assertThrows(IllegalArgumentException.class, () -> AuthorizationRequest.builder().build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> AuthorizationRequest.builder().parameter("client_id", "x"));
        assertThrows(IllegalArgumentException.class,
                () -> AuthorizationRequest.builder().redirectUri("https://a").scopes(List.of("a b")).build());
    }

    @Test
    void pkceVerifierAndChallengeFollowRfc7636() throws Exception {
        PkceAuthorization pkce = client.authorizeUrlWithPkce("https://app.example.com/cb", "state-1", "nonce-1");
        String verifier = pkce.codeVerifier();
        assertTrue(verifier.length() >= 43 && verifier.length() <= 128, verifier);
        assertTrue(verifier.matches("[A-Za-z0-9._~-]+"), verifier);
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        Map<String, String> q = query(pkce.url());
        assertEquals(expected, q.get("code_challenge"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals("state-1", q.get("state"));
        assertEquals("nonce-1", q.get("nonce"));
        assertEquals("state-1", pkce.state());
        assertEquals("nonce-1", pkce.nonce());
    }

    @Test
    void everyPkceAuthorizationIsFresh() {
        PkceAuthorization a = client.authorizeUrlWithPkce("https://app.example.com/cb", null, null);
        PkceAuthorization b = client.authorizeUrlWithPkce("https://app.example.com/cb", null, null);
        assertNotEquals(a.codeVerifier(), b.codeVerifier());
        assertNotNull(a.state());
        assertTrue(a.state().length() >= 43, "at least 256 bits");
        assertNotEquals(a.state(), b.state());
        assertNotEquals(a.nonce(), b.nonce());
        assertEquals(a.state(), query(a.url()).get("state"));
        assertFalse(a.toString().contains(a.codeVerifier()));
        assertFalse(a.toString().contains(a.state()));
    }

    @Test
    void privacyCenterUrl() {
        assertEquals(URI.create("https://signward.invalid/tenant/Auth/MyPrivacy"), client.privacyCenterUrl());
        try (SignwardClient web = new SignwardClient(options("https://api.signward.invalid")
                .webBaseUrl("https://www.signward.invalid/").build())) {
            assertEquals(URI.create("https://www.signward.invalid/Auth/MyPrivacy"), web.privacyCenterUrl());
        }
    }

    @Test
    void aClosedClientRefusesWork() {
        client.close();
        assertThrows(IllegalStateException.class, () -> client.authorizeUrlWithPkce("https://a", null, null));
        assertThrows(IllegalStateException.class, () -> client.validateToken("a.b.c"));
        client.close();
    }
}
