package com.signward.idserver.web;

import com.signward.idserver.AuthorizationRequest;
import com.signward.idserver.SignwardClient;
import com.signward.idserver.SignwardOptions;
import com.signward.idserver.TestCores;
import com.signward.idserver.internal.oidc.OidcCore;
import com.signward.idserver.internal.oidc.Pkce;
import com.signward.idserver.internal.oidc.ProviderException;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The login's protocol steps against a real OIDC provider (mock-oauth2-server): authorization request with
 * state, nonce and PKCE, code exchange, ID token and userinfo checks, refresh. The servlet glue around them is
 * exercised by the it-tests.
 */
class LoginFlowTest {

    private static final String CLIENT_ID = "web-app";
    private static final String REDIRECT_URI = "http://127.0.0.1:1/shop/auth/callback";
    private static final String SUBJECT = "3f2a3c5e-8d1b-4c1e-9b7a-0d6c2e1f4a5b";

    private static MockOAuth2Server server;
    private static SignwardClient client;
    private static OidcCore core;
    private static LoginCompletion completion;
    private static final HttpClient BROWSER =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        server = new MockOAuth2Server();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        SignwardOptions options = SignwardOptions.builder().authority(server.issuerUrl("default").toString())
                .clientId(CLIENT_ID).clientSecret("a-client-secret-that-is-long-enough-0123456789").build();
        client = new SignwardClient(options);
        core = TestCores.core(options, Clock.systemUTC());
        completion = new LoginCompletion(core, TestCores.toUser(options), true,
                SessionLifetime.of(WebLoginSettings.defaults()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        client.close();
        core.close();
        server.shutdown();
    }

    private static PendingLogin attempt() {
        return new PendingLogin(Pkce.newState(), Pkce.newState(), Pkce.newVerifier(), REDIRECT_URI, "/orders",
                Instant.now());
    }

    /** Sends the browser to the authorization endpoint and returns the callback's query parameters. */
    private static Map<String, String> authorize(PendingLogin sent) throws Exception {
        core.awaitMetadata(); // the core builds the URL on the discovered endpoint once loaded
        client.discovery();
        URI url = client.authorizeUrl(AuthorizationRequest.builder().redirectUri(sent.redirectUri())
                .state(sent.state()).nonce(sent.nonce()).codeChallenge(Pkce.challenge(sent.codeVerifier()))
                .build());
        assertTrue(url.toString().startsWith(server.authorizationEndpointUrl("default").toString()));
        assertTrue(url.getRawQuery().contains("code_challenge_method=S256"));
        HttpResponse<Void> response = BROWSER.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, response.statusCode());
        URI callback = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertTrue(callback.toString().startsWith(REDIRECT_URI));
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : callback.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void enqueueUser() {
        server.enqueueCallback(new DefaultOAuth2TokenCallback("default", SUBJECT, "JWT", List.of(CLIENT_ID),
                Map.of("email", "ada@example.com", "name", "Ada Lovelace", "roles", List.of("admin"),
                        "custom_roles", "billing"), 3600));
    }

    @Test
    void completesALoginAndRefreshesIt() throws Exception {
        enqueueUser();
        PendingLogin pending = attempt();
        Map<String, String> callback = authorize(pending);
        assertEquals(pending.state(), callback.get("state"));

        SessionLogin login;
        try {
            login = completion.complete(callback.get("code"), pending);
        } catch (LoginException e) {
            throw new AssertionError(e.detail());
        }
        assertEquals(SUBJECT, login.user().claims().get("sub"));
        assertEquals("ada@example.com", login.user().email());
        assertEquals("Ada Lovelace", login.user().name());
        assertTrue(login.user().hasAllRoles("admin", "billing"));
        assertNotNull(login.refreshToken());
        assertNotNull(login.expiresAt());
        assertTrue(login.expiresAt().isAfter(Instant.now().plusSeconds(3000)));

        enqueueUser();
        SessionLogin refreshed;
        try {
            refreshed = completion.refresh(login);
        } catch (LoginException e) {
            throw new AssertionError(e.detail());
        }
        assertNotEquals(login.accessToken(), refreshed.accessToken());
        assertNotEquals(login.generation(), refreshed.generation());
        assertEquals(SUBJECT, refreshed.user().claims().get("sub"));
        assertTrue(refreshed.user().hasRole("admin"));
        assertNotNull(refreshed.refreshToken());
    }

    @Test
    void aRefreshRebuildsTheClaimsSoADroppedRoleIsGone() throws Exception {
        enqueueUser();
        PendingLogin pending = attempt();
        SessionLogin login = completion.complete(authorize(pending).get("code"), pending);
        assertTrue(login.user().hasAllRoles("admin", "billing"));

        // Signward drops the roles: the new ID token and userinfo carry none
        server.enqueueCallback(new DefaultOAuth2TokenCallback("default", SUBJECT, "JWT", List.of(CLIENT_ID),
                Map.of("email", "ada@example.com", "name", "Ada Lovelace"), 3600));
        SessionLogin refreshed = completion.refresh(login);
        assertEquals(List.of(), refreshed.user().roles());
        assertEquals(List.of(), refreshed.user().customRoles());
        assertEquals(null, refreshed.user().claims().get("roles"));
        assertEquals(SUBJECT, refreshed.user().claims().get("sub"));
        assertEquals(login.loggedInAt(), refreshed.loggedInAt(), "the maximum age counts from the login");
    }

    @Test
    void aNonceThatDiffersFromTheAttemptsIsRejected() throws Exception {
        enqueueUser();
        PendingLogin sent = attempt();
        Map<String, String> callback = authorize(sent);
        PendingLogin other = new PendingLogin(sent.state(), Pkce.newState(), sent.codeVerifier(), sent.redirectUri(),
                sent.target(), sent.createdAt());
        LoginException e = assertThrows(LoginException.class, () -> completion.complete(callback.get("code"), other));
        assertEquals(400, e.status());
        assertTrue(e.detail().contains("nonce"), e.detail());
    }

    @Test
    void aRefusedRefreshTokenSurfacesAsInvalidGrant() throws Exception {
        try (FakeProvider provider = new FakeProvider()) {
            provider.respond("/token", 400, "{\"error\":\"invalid_grant\"}");
            SignwardOptions options = provider.options(true);
            try (OidcCore fakeCore = TestCores.core(options, Clock.systemUTC())) {
                LoginCompletion fake = new LoginCompletion(fakeCore, TestCores.toUser(options), false,
                        SessionLifetime.of(WebLoginSettings.defaults()),
                        Clock.systemUTC());
                TokenRefresher refresher = new TokenRefresher(fake::refresh, java.time.Duration.ofSeconds(5),
                        java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(10), 10, Clock.systemUTC());
                SessionLogin login = SessionLoginTest.login(Instant.now(), "old-refresh-token");
                ProviderException refused = assertThrows(ProviderException.class, () -> fake.refresh(login));
                assertEquals(ProviderException.Kind.TOKEN, refused.kind());
                assertEquals("invalid_grant", refused.error());
                assertEquals(TokenRefresher.Result.ENDED, refresher.refresh(login).result());
            }
        }
    }
}
