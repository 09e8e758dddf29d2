package com.signward.idserver;

import com.signward.idserver.FakeProvider.Response;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static com.signward.idserver.TestSupport.failure;
import static com.signward.idserver.TestSupport.form;
import static com.signward.idserver.TestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Token, revocation and userinfo endpoints of a provider that answers as each test says. */
class TokenEndpointTest {

    static final String TOKENS = "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
            + "\"refresh_token\":\"rt-1\",\"id_token\":\"it-1\",\"scope\":\"openid email\"}";

    FakeProvider provider;
    SignwardClient client;

    @BeforeEach
    void start() throws Exception {
        provider = new FakeProvider();
        provider.on("/connect/token", r -> Response.json(200, TOKENS));
        client = new SignwardClient(options(provider.authority()).build());
    }

    @AfterEach
    void stop() {
        client.close();
        provider.close();
    }

    private void discoveryListsAuthMethods(String... methods) {
        var array = Json.createArrayBuilder();
        for (String m : methods) {
            array.add(m);
        }
        provider.on(FakeProvider.DISCOVERY, r -> Response.json(200,
                provider.discovery().add("token_endpoint_auth_methods_supported", array).build().toString()));
    }

    private FakeProvider.Request tokenRequest() {
        return provider.requests("/connect/token").get(0);
    }

    @Test
    void parsesTheTokenResponse() {
        TokenResponse tokens = client.exchangeCode("code-1", "https://app.example.com/cb", "verifier-1");
        assertEquals("at-1", tokens.accessToken());
        assertEquals("Bearer", tokens.tokenType());
        assertEquals(3600, tokens.expiresIn());
        assertEquals("rt-1", tokens.refreshToken());
        assertEquals("it-1", tokens.idToken());
        assertEquals("openid email", tokens.scope());
        assertEquals(3600, tokens.raw().getInt("expires_in"));
        String text = tokens.toString();
        assertFalse(text.contains("at-1") || text.contains("rt-1") || text.contains("it-1"), text);
    }

    @Test
    void tokenResponseSurvivesSerialization() throws Exception {
        TokenResponse tokens = client.refreshToken("rt");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(tokens);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            TokenResponse copy = (TokenResponse) in.readObject();
            assertEquals("at-1", copy.accessToken());
            assertEquals(3600, copy.expiresIn());
            assertEquals(tokens.raw(), copy.raw());
        }
    }

    @Test
    void missingOrTextualExpiresIn() {
        provider.on("/connect/token", r -> Response.json(200, "{\"access_token\":\"a\",\"expires_in\":\"120\"}"));
        assertEquals(120, client.refreshToken("rt").expiresIn());
        provider.on("/connect/token", r -> Response.json(200, "{\"access_token\":\"a\"}"));
        TokenResponse tokens = client.refreshToken("rt");
        assertEquals(0, tokens.expiresIn());
        assertNull(tokens.refreshToken());
        assertNull(tokens.idToken());
    }

    @Test
    void clientSecretPostWhenDiscoveryDoesNotListBasic() {
        discoveryListsAuthMethods("client_secret_post");
        client.exchangeCode("code-1", "https://app.example.com/cb", "verifier-1");
        FakeProvider.Request request = tokenRequest();
        assertNull(request.header("Authorization"));
        assertEquals("application/x-www-form-urlencoded", request.header("Content-Type"));
        Map<String, String> body = form(request.body());
        assertEquals(Map.of("grant_type", "authorization_code", "code", "code-1",
                "redirect_uri", "https://app.example.com/cb", "code_verifier", "verifier-1",
                "client_id", "my-app", "client_secret", "s3cret"), body);
    }

    @Test
    void clientSecretBasicWhenDiscoveryListsIt() {
        discoveryListsAuthMethods("client_secret_post", "client_secret_basic");
        client.close();
        client = new SignwardClient(options(provider.authority()).clientId("my app:1").clientSecret("p@ss+wörd").build());
        client.refreshToken("rt-1");
        FakeProvider.Request request = tokenRequest();
        String expected = "my+app%3A1:p%40ss%2Bw%C3%B6rd"; // RFC 6749 2.3.1: form-encoded, then Base64
        assertEquals("Basic " + Base64.getEncoder().encodeToString(expected.getBytes(StandardCharsets.UTF_8)),
                request.header("Authorization"));
        Map<String, String> body = form(request.body());
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "rt-1"), body);
    }

    @Test
    void publicClientSendsItsIdInTheBody() {
        discoveryListsAuthMethods("client_secret_basic");
        client.close();
        client = new SignwardClient(SignwardOptions.builder().authority(provider.authority()).clientId("spa").build());
        client.exchangeCode("code-1", "https://app.example.com/cb", null);
        FakeProvider.Request request = tokenRequest();
        assertNull(request.header("Authorization"));
        Map<String, String> body = form(request.body());
        assertEquals("spa", body.get("client_id"));
        assertFalse(body.containsKey("client_secret"));
        assertFalse(body.containsKey("code_verifier"));
    }

    @Test
    void oauthErrorBecomesTokenExchangeException() {
        provider.on("/connect/token", r -> Response.json(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"code expired\"}"));
        TokenExchangeException e = assertThrows(TokenExchangeException.class,
                () -> client.exchangeCode("secret-code-123", "https://app.example.com/cb", "verifier-xyz"));
        assertEquals("invalid_grant", e.error());
        assertEquals("code expired", e.description());
        assertEquals(400, e.statusCode());
        assertTrue(e.getMessage().contains("invalid_grant"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-code-123") || e.getMessage().contains("verifier-xyz")
                || e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void nonJsonErrorBodyIsHandled() {
        provider.on("/connect/token", r -> new Response(502, "text/html", "<html>Bad gateway</html>", Map.of()));
        TokenExchangeException e = assertThrows(TokenExchangeException.class, () -> client.refreshToken("rt"));
        assertNull(e.error());
        assertNull(e.description());
        assertEquals(502, e.statusCode());
        assertTrue(e.getMessage().contains("502"), e.getMessage());
    }

    @Test
    void successWithoutAnAccessTokenIsAnError() {
        provider.on("/connect/token", r -> Response.json(200, "{\"token_type\":\"Bearer\"}"));
        assertEquals(200, assertThrows(TokenExchangeException.class, () -> client.refreshToken("rt")).statusCode());
        provider.on("/connect/token", r -> new Response(200, "text/plain", "ok", Map.of()));
        assertEquals(200, assertThrows(TokenExchangeException.class, () -> client.refreshToken("rt")).statusCode());
    }

    @Test
    void asyncFailuresCarryTheSameException() {
        provider.on("/connect/token", r -> Response.json(401, "{\"error\":\"invalid_client\"}"));
        TokenExchangeException e = failure(TokenExchangeException.class,
                client.exchangeCodeAsync("c", "https://app.example.com/cb", "v"));
        assertEquals("invalid_client", e.error());
        assertEquals(401, e.statusCode());
    }

    @Test
    void unreachableTokenEndpointIsASignwardException() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String deadEndpoint = "http://127.0.0.1:" + closedPort + "/token";
        provider.on(FakeProvider.DISCOVERY, r -> Response.json(200,
                provider.discovery().add("token_endpoint", deadEndpoint).build().toString()));
        SignwardException e = assertThrows(SignwardException.class, () -> client.refreshToken("rt-secret"));
        assertFalse(e instanceof TokenExchangeException);
        assertTrue(e.getMessage().startsWith("token request failed"), e.getMessage());
        assertFalse(e.getMessage().contains("rt-secret"));
    }

    @Test
    void revocationSendsTokenHintAndClientAuthentication() {
        provider.on("/connect/revoke", r -> new Response(200, "text/plain", "", Map.of()));
        client.revokeToken("rt-1", "refresh_token");
        client.revokeToken("at-1", null);
        var requests = provider.requests("/connect/revoke");
        assertEquals(Map.of("token", "rt-1", "token_type_hint", "refresh_token", "client_id", "my-app",
                "client_secret", "s3cret"), form(requests.get(0).body()));
        assertFalse(form(requests.get(1).body()).containsKey("token_type_hint"));
    }

    @Test
    void revocationErrorIsATokenExchangeException() {
        provider.on("/connect/revoke", r -> Response.json(503, "{\"error\":\"temporarily_unavailable\"}"));
        TokenExchangeException e = assertThrows(TokenExchangeException.class, () -> client.revokeToken("t", null));
        assertEquals("temporarily_unavailable", e.error());
        assertEquals(503, e.statusCode());
    }

    @Test
    void userinfoMapsClaimsWithTheConfiguredRoleClaims() {
        provider.on("/connect/userinfo", r -> Response.json(200,
                "{\"sub\":\"u-1\",\"email\":\"a@example.com\",\"groups\":[\"admin\"],\"perms\":\"export\"}"));
        client.close();
        client = new SignwardClient(options(provider.authority()).rolesClaim("groups").customRolesClaim("perms").build());
        SignwardUser user = client.userinfo("at-1");
        assertEquals("a@example.com", user.email());
        assertNull(user.userId());
        assertTrue(user.hasAllRoles("admin", "export"));
        assertEquals("Bearer at-1", provider.requests("/connect/userinfo").get(0).header("Authorization"));
    }

    @Test
    void userinfoFailures() {
        provider.on("/connect/userinfo", r -> Response.json(401, "{\"error\":\"invalid_token\"}"));
        UserInfoException e = assertThrows(UserInfoException.class, () -> client.userinfo("expired-token"));
        assertEquals(401, e.statusCode());
        assertFalse(e.getMessage().contains("expired-token"));
        provider.on("/connect/userinfo", r -> new Response(200, "application/jwt", "a.b.c", Map.of()));
        assertNotNull(failure(UserInfoException.class, client.userinfoAsync("t")).getMessage());
    }

    @Test
    void blankArgumentsAreRejectedBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> client.exchangeCode(" ", "https://a/cb", null));
        assertThrows(IllegalArgumentException.class, () -> client.refreshToken(null));
        assertThrows(IllegalArgumentException.class, () -> client.userinfo(""));
        assertEquals(0, provider.requests().size());
    }
}
