package com.signward.idserver;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.signward.idserver.TestSupport.form;
import static com.signward.idserver.TestSupport.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole Authorization Code flow with PKCE against mock-oauth2-server (a real OIDC provider). */
class CodeFlowTest {

    static final String ISSUER_ID = "default";
    static final String REDIRECT_URI = "http://127.0.0.1:1/auth/callback";
    static final String SUB = "6f1c2b1e-1111-4222-8333-444455556666";
    static final String TENANT = "0a1b2c3d-0000-4000-8000-000000000001";

    static MockOAuth2Server server;
    static String authority;
    static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    SignwardClient client;

    @BeforeAll
    static void startProvider() throws Exception {
        server = new MockOAuth2Server();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        authority = "http://127.0.0.1:" + server.baseUrl().port() + "/" + ISSUER_ID;
    }

    @AfterAll
    static void stopProvider() {
        server.shutdown();
    }

    @BeforeEach
    void newClient() throws Exception {
        drainRecordedRequests();
        client = new SignwardClient(TestSupport.options(authority).build());
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    /** The next token request gets these claims, audience idserver-api and one hour of lifetime. */
    static void nextTokenHasUserClaims() {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, SUB, "JWT", List.of("idserver-api"),
                Map.of("email", "ada@example.com", "given_name", "Ada", "family_name", "Lovelace",
                        "tenant_id", TENANT, "roles", List.of("admin", "user"), "custom_roles", "billing"),
                3600));
    }

    /** Plays the browser: follows the authorization URL and reads the code from the redirect. */
    static Map<String, String> authorize(URI authorizationUrl) throws Exception {
        HttpResponse<String> response = BROWSER.send(HttpRequest.newBuilder(authorizationUrl).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, response.statusCode(), response.body());
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(REDIRECT_URI), location.toString());
        return query(location);
    }

    @Test
    void codeFlowWithPkceRefreshUserinfoAndRevocation() throws Exception {
        client.discovery();
        PkceAuthorization pkce = client.authorizeUrlWithPkce(REDIRECT_URI, null, null);
        assertTrue(pkce.url().toString().startsWith(authority + "/authorize?"), "discovered endpoint: " + pkce.url());

        Map<String, String> callback = authorize(pkce.url());
        assertEquals(pkce.state(), callback.get("state"));
        nextTokenHasUserClaims();
        TokenResponse tokens = client.exchangeCode(callback.get("code"), REDIRECT_URI, pkce.codeVerifier());

        assertNotNull(tokens.accessToken());
        assertNotNull(tokens.refreshToken());
        assertEquals("Bearer", tokens.tokenType());
        assertTrue(tokens.expiresIn() > 0 && tokens.expiresIn() <= 3600, "expiresIn " + tokens.expiresIn());
        assertEquals(tokens.accessToken(), tokens.raw().getString("access_token"));
        assertEquals(pkce.nonce(), unverifiedClaims(tokens.idToken()).getStringClaimValue("nonce"));
        assertFalse(tokens.toString().contains(tokens.accessToken()));
        assertFalse(tokens.toString().contains(tokens.refreshToken()));

        Map<String, String> tokenRequest = form(recorded("/token").getBody().readUtf8());
        assertEquals("authorization_code", tokenRequest.get("grant_type"));
        assertEquals(callback.get("code"), tokenRequest.get("code"));
        assertEquals(REDIRECT_URI, tokenRequest.get("redirect_uri"));
        assertEquals(pkce.codeVerifier(), tokenRequest.get("code_verifier"));
        assertEquals("my-app", tokenRequest.get("client_id"), "client_secret_post: discovery lists no methods");
        assertEquals("s3cret", tokenRequest.get("client_secret"));

        SignwardUser validated = client.validateToken(tokens.accessToken());
        assertEquals(UUID.fromString(SUB), validated.userId());
        assertEquals(List.of("admin", "user"), validated.roles());
        assertEquals(List.of("billing"), validated.customRoles());
        assertEquals(authority, validated.claims().get("iss"));

        SignwardUser user = client.userinfo(tokens.accessToken());
        assertEquals(UUID.fromString(SUB), user.userId());
        assertEquals("ada@example.com", user.email());
        assertEquals("Ada Lovelace", user.name());
        assertEquals(UUID.fromString(TENANT), user.tenantId());
        assertTrue(user.hasAllRoles("ADMIN", "billing"));
        assertEquals("Bearer " + tokens.accessToken(), recorded("/userinfo").getHeader("Authorization"));

        TokenResponse refreshed = client.refreshToken(tokens.refreshToken());
        assertNotNull(refreshed.accessToken());
        assertNotEquals(tokens.accessToken(), refreshed.accessToken());
        Map<String, String> refreshRequest = form(recorded("/token").getBody().readUtf8());
        assertEquals("refresh_token", refreshRequest.get("grant_type"));
        assertEquals(tokens.refreshToken(), refreshRequest.get("refresh_token"));

        client.revokeToken(tokens.refreshToken(), "refresh_token");
        RecordedRequest revoke = recorded("/revoke");
        assertEquals("POST", revoke.getMethod());
        Map<String, String> revokeRequest = form(revoke.getBody().readUtf8());
        assertEquals(tokens.refreshToken(), revokeRequest.get("token"));
        assertEquals("refresh_token", revokeRequest.get("token_type_hint"));
        assertEquals("my-app", revokeRequest.get("client_id"));
    }

    @Test
    void asyncVariantsGiveTheSameResults() throws Exception {
        client.discovery();
        PkceAuthorization pkce = client.authorizeUrlWithPkce(REDIRECT_URI, "s", "n");
        nextTokenHasUserClaims();
        TokenResponse tokens = client.exchangeCodeAsync(authorize(pkce.url()).get("code"), REDIRECT_URI,
                pkce.codeVerifier()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals("ada@example.com",
                client.userinfoAsync(tokens.accessToken()).toCompletableFuture().get(30, TimeUnit.SECONDS).email());
        TokenResponse refreshed = client.refreshTokenAsync(tokens.refreshToken()).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertEquals(UUID.fromString(SUB), client.validateTokenAsync(refreshed.accessToken()).toCompletableFuture()
                .get(30, TimeUnit.SECONDS).userId());
        client.revokeTokenAsync(tokens.refreshToken(), "refresh_token").toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRejected() throws Exception {
        client.discovery();
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, SUB, "JWT", List.of("other-api"), Map.of(),
                3600));
        PkceAuthorization pkce = client.authorizeUrlWithPkce(REDIRECT_URI, null, null);
        String accessToken = client.exchangeCode(authorize(pkce.url()).get("code"), REDIRECT_URI,
                pkce.codeVerifier()).accessToken();
        assertEquals("audience mismatch",
                org.junit.jupiter.api.Assertions.assertThrows(InvalidTokenException.class,
                        () -> client.validateToken(accessToken)).getMessage());
        assertEquals(UUID.fromString(SUB), client.validateToken(accessToken, "other-api").userId());

        // issued by the same server for "localhost" (mock-oauth2-server's issuer follows the host name)
        String foreign = server.issueToken(ISSUER_ID, "my-app", new DefaultOAuth2TokenCallback(ISSUER_ID, SUB,
                "JWT", List.of("idserver-api"), Map.of(), 3600)).serialize();
        assertEquals("issuer mismatch", org.junit.jupiter.api.Assertions.assertThrows(InvalidTokenException.class,
                () -> client.validateToken(foreign)).getMessage());
    }

    @Test
    void aUsedCodeIsRefusedWithTheOAuthError() throws Exception {
        client.discovery();
        PkceAuthorization pkce = client.authorizeUrlWithPkce(REDIRECT_URI, null, null);
        String code = authorize(pkce.url()).get("code");
        client.exchangeCode(code, REDIRECT_URI, pkce.codeVerifier());
        TokenExchangeException e = org.junit.jupiter.api.Assertions.assertThrows(TokenExchangeException.class,
                () -> client.exchangeCode(code, REDIRECT_URI, pkce.codeVerifier()));
        assertEquals("invalid_grant", e.error());
        assertEquals(400, e.statusCode());
        assertNotNull(e.description());
        assertFalse(e.getMessage().contains(code));
    }

    @Test
    void endSessionAndPrivacyUrls() {
        URI logout = client.endSessionUrl("id.token.hint", "http://127.0.0.1:1/bye", "st-9");
        assertEquals(authority + "/endsession", logout.toString().split("\\?")[0]);
        Map<String, String> q = query(logout);
        assertEquals("id.token.hint", q.get("id_token_hint"));
        assertEquals("http://127.0.0.1:1/bye", q.get("post_logout_redirect_uri"));
        assertEquals("st-9", q.get("state"));
        assertEquals("my-app", q.get("client_id"));
        assertNull(query(client.endSessionUrl(null, null, null)).get("id_token_hint"));
        assertEquals(URI.create(authority + "/Auth/MyPrivacy"), client.privacyCenterUrl());
    }

    @Test
    void discoveryDocumentIsExposed() {
        assertEquals(authority, client.discovery().getString("issuer"));
        assertEquals(authority + "/token", client.discovery().getString("token_endpoint"));
    }

    static JwtClaims unverifiedClaims(String jwt) throws Exception {
        // test-only peek at the ID token's nonce; validation proper is the token package's job
        return new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                .setSkipSignatureVerification().build().processToClaims(jwt);
    }

    /** The next recorded request to the given endpoint path, skipping others. */
    static RecordedRequest recorded(String endpoint) {
        for (int i = 0; i < 20; i++) {
            RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
            if (request.getPath().startsWith("/" + ISSUER_ID + endpoint)) {
                return request;
            }
        }
        throw new AssertionError("no request to " + endpoint);
    }

    static void drainRecordedRequests() {
        while (true) {
            try {
                server.takeRequest(1, TimeUnit.MILLISECONDS);
            } catch (RuntimeException empty) {
                return;
            }
        }
    }
}
