package com.signward.idserver.testkit;

import jakarta.json.JsonObject;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.signward.idserver.testkit.Client.basic;
import static com.signward.idserver.testkit.Client.challenge;
import static com.signward.idserver.testkit.Client.json;
import static com.signward.idserver.testkit.Client.post;
import static com.signward.idserver.testkit.Client.query;
import static com.signward.idserver.testkit.Client.verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake provider's endpoints, driven over HTTP as an application would. */
class FakeSignwardTest {

    static final String CLIENT = "web-app";
    static final String SECRET = "web-app-secret";
    static final String CALLBACK = "http://127.0.0.1:9/app/auth/callback";
    static final String AFTER_LOGOUT = "http://127.0.0.1:9/app/";
    static final FakeUser ALICE = FakeUser.named("alice").withRoles("admin").withCustomRoles("billing")
            .withClaim("department", "engineering");

    FakeSignward fake;

    @BeforeEach
    void start() {
        fake = FakeSignward.start();
        fake.register(FakeClient.confidential(CLIENT, SECRET).withRedirectUri(CALLBACK)
                .withPostLogoutRedirectUri(AFTER_LOGOUT));
        fake.loginAs(ALICE);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    // --- discovery and keys ----------------------------------------------------------------------------

    @Test
    void discoveryNamesEveryEndpointAndS256Only() {
        JsonObject doc = json(Client.get(fake.uri(FakeSignward.DISCOVERY_PATH)));
        assertEquals(fake.authority(), doc.getString("issuer"));
        assertTrue(fake.authority().startsWith("http://127.0.0.1:"));
        assertEquals(fake.authority() + "/connect/token", doc.getString("token_endpoint"));
        assertEquals(fake.authority() + "/connect/authorize", doc.getString("authorization_endpoint"));
        assertEquals(fake.authority() + "/connect/userinfo", doc.getString("userinfo_endpoint"));
        assertEquals(fake.authority() + "/connect/revoke", doc.getString("revocation_endpoint"));
        assertEquals(fake.authority() + "/connect/introspect", doc.getString("introspection_endpoint"));
        assertEquals(fake.authority() + "/connect/endsession", doc.getString("end_session_endpoint"));
        assertEquals(fake.authority() + "/.well-known/jwks.json", doc.getString("jwks_uri"));
        assertEquals("[\"S256\"]", doc.getJsonArray("code_challenge_methods_supported").toString());
        assertTrue(doc.getBoolean("authorization_response_iss_parameter_supported"));
    }

    @Test
    void endpointsMayLiveBelowABasePath() {
        try (FakeSignward below = FakeSignward.start(0, "/signward")) {
            assertTrue(below.authority().matches("http://127\\.0\\.0\\.1:\\d+/signward"), below.authority());
            JsonObject doc = json(Client.get(below.uri(FakeSignward.DISCOVERY_PATH)));
            assertEquals(below.authority(), doc.getString("issuer"));
            assertEquals(below.authority() + "/connect/token", doc.getString("token_endpoint"));
            assertEquals(200, Client.get(URI.create(doc.getString("jwks_uri"))).statusCode());
            assertEquals(FakeSignward.JWKS_PATH, below.requests().get(1).path(), "recorded below the authority");
        }
    }

    @Test
    void keysRotateWithTheOldKeyKeptOrDropped() {
        String first = fake.currentKeyId();
        assertEquals(List.of(first), kids());
        fake.rotateKeys(true);
        String second = fake.currentKeyId();
        assertNotEquals(first, second);
        assertEquals(List.of(first, second), kids());
        fake.rotateKeys(false);
        assertEquals(List.of(fake.currentKeyId()), kids());
        assertEquals(fake.currentKeyId(), header(fake.tokens().sign(), "kid"));
    }

    @Test
    void keysCanBeWithheldAndServedAgain() {
        fake.stopServingKeys();
        HttpResponse<String> outage = Client.get(fake.uri(FakeSignward.JWKS_PATH));
        assertEquals(503, outage.statusCode());
        fake.resume();
        assertEquals(200, Client.get(fake.uri(FakeSignward.JWKS_PATH)).statusCode());
    }

    // --- authorization code flow -----------------------------------------------------------------------

    @Test
    void codeFlowIssuesTokensForTheChosenUser() throws Exception {
        String verifier = verifier();
        URI back = authorize(challenge(verifier), "state-1", "nonce-1");
        Map<String, String> answer = query(back);
        assertEquals(CALLBACK, back.toString().split("\\?")[0]);
        assertEquals("state-1", answer.get("state"));
        assertEquals(fake.authority(), answer.get("iss"), "RFC 9207");

        HttpResponse<String> response = redeem(answer.get("code"), verifier, "Authorization", basic(CLIENT, SECRET));
        assertEquals(200, response.statusCode(), response::body);
        JsonObject tokens = json(response);
        assertEquals("Bearer", tokens.getString("token_type"));
        assertEquals(3600, tokens.getInt("expires_in"));
        assertTrue(tokens.getString("refresh_token").length() >= 43);

        JwtClaims id = verified(tokens.getString("id_token"), CLIENT);
        assertEquals(ALICE.id(), id.getSubject());
        assertEquals("nonce-1", id.getStringClaimValue("nonce"));
        assertEquals(CLIENT, id.getStringClaimValue("azp"));
        assertTrue(id.hasClaim("sid") && id.hasClaim("at_hash") && id.hasClaim("auth_time"));

        JwtClaims access = verified(tokens.getString("access_token"), "idserver-api");
        assertEquals(ALICE.id(), access.getSubject());
        assertEquals(ALICE.email(), access.getStringClaimValue("email"));
        assertEquals(ALICE.tenantId(), access.getStringClaimValue("tenant_id"));
        assertEquals(List.of("admin"), access.getStringListClaimValue("roles"));
        assertEquals(List.of("billing"), access.getStringListClaimValue("custom_roles"));
        assertEquals("at+jwt", header(tokens.getString("access_token"), "typ"));

        JsonObject userinfo = json(Client.get(fake.uri(FakeSignward.USERINFO_PATH),
                "Authorization", "Bearer " + tokens.getString("access_token")));
        assertEquals(ALICE.id(), userinfo.getString("sub"));
        assertEquals(ALICE.name(), userinfo.getString("name"));
        assertEquals("engineering", userinfo.getString("department"));
        assertFalse(userinfo.containsKey("aud") || userinfo.containsKey("exp"), userinfo::toString);
        assertEquals(401, Client.get(fake.uri(FakeSignward.USERINFO_PATH), "Authorization", "Bearer nope")
                .statusCode());
    }

    @Test
    void pkceIsRequiredAndChecked() {
        URI noChallenge = authorizeWith(Map.of());
        assertEquals("invalid_request", query(noChallenge).get("error"));
        assertEquals("s", query(noChallenge).get("state"));
        URI plain = authorizeWith(Map.of("code_challenge", challenge(verifier()), "code_challenge_method", "plain"));
        assertEquals("invalid_request", query(plain).get("error"));

        String verifier = verifier();
        String code = query(authorize(challenge(verifier), "s", "n")).get("code");
        HttpResponse<String> wrong = redeem(code, verifier(), "Authorization", basic(CLIENT, SECRET));
        assertEquals(400, wrong.statusCode());
        assertEquals("invalid_grant", json(wrong).getString("error"));

        String code2 = query(authorize(challenge(verifier), "s", "n")).get("code");
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code2,
                "redirect_uri", CALLBACK));
        HttpResponse<String> missing = post(fake.uri(FakeSignward.TOKEN_PATH), form, "Authorization",
                basic(CLIENT, SECRET));
        assertEquals("invalid_grant", json(missing).getString("error"));
    }

    @Test
    void redirectUrisMustMatchExactly() {
        for (String other : List.of(CALLBACK + "/", CALLBACK + "?x=1", CALLBACK.toUpperCase(),
                "http://127.0.0.1:9/evil")) {
            HttpResponse<String> answer = Client.get(URI.create(fake.uri(FakeSignward.AUTHORIZE_PATH) + "?"
                    + Client.encode(params(other, Map.of("code_challenge", challenge(verifier()),
                    "code_challenge_method", "S256")))));
            assertEquals(400, answer.statusCode(), other);
            assertTrue(answer.headers().firstValue("Location").isEmpty(), "no redirect to " + other);
        }
        String verifier = verifier();
        String code = query(authorize(challenge(verifier), "s", "n")).get("code");
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK + "/", "code_verifier", verifier));
        assertEquals("invalid_grant", json(post(fake.uri(FakeSignward.TOKEN_PATH), form, "Authorization",
                basic(CLIENT, SECRET))).getString("error"));
    }

    @Test
    void codesWorkOnceAndAReuseRevokesWhatTheFirstGot() {
        String verifier = verifier();
        String code = query(authorize(challenge(verifier), "s", "n")).get("code");
        JsonObject first = json(redeem(code, verifier, "Authorization", basic(CLIENT, SECRET)));
        HttpResponse<String> again = redeem(code, verifier, "Authorization", basic(CLIENT, SECRET));
        assertEquals(400, again.statusCode());
        assertEquals("invalid_grant", json(again).getString("error"));
        assertEquals("invalid_grant", json(refresh(first.getString("refresh_token"))).getString("error"));
    }

    @Test
    void refreshTokensRotateAndAReuseEndsTheFamily() throws Exception {
        JsonObject login = login();
        String first = login.getString("refresh_token");
        HttpResponse<String> refreshed = refresh(first);
        assertEquals(200, refreshed.statusCode(), refreshed::body);
        String second = json(refreshed).getString("refresh_token");
        assertNotEquals(first, second);
        JwtClaims id = verified(json(refreshed).getString("id_token"), CLIENT);
        assertEquals(ALICE.id(), id.getSubject());
        assertNull(id.getClaimValue("nonce"), "no nonce on refresh");

        HttpResponse<String> reuse = refresh(first);
        assertEquals(400, reuse.statusCode());
        assertEquals("invalid_grant", json(reuse).getString("error"));
        assertEquals("invalid_grant", json(refresh(second)).getString("error"), "the whole family is revoked");
    }

    @Test
    void clientAuthenticationIsChecked() {
        String verifier = verifier();
        String code = query(authorize(challenge(verifier), "s", "n")).get("code");
        HttpResponse<String> wrong = redeem(code, verifier, "Authorization", basic(CLIENT, "wrong"));
        assertEquals(401, wrong.statusCode());
        assertEquals("invalid_client", json(wrong).getString("error"));
        Map<String, String> noSecret = new LinkedHashMap<>(Map.of("grant_type", "client_credentials",
                "client_id", CLIENT));
        assertEquals(401, post(fake.uri(FakeSignward.TOKEN_PATH), noSecret).statusCode());
        Map<String, String> both = new LinkedHashMap<>(Map.of("grant_type", "client_credentials",
                "client_secret", SECRET));
        assertEquals(401, post(fake.uri(FakeSignward.TOKEN_PATH), both, "Authorization", basic(CLIENT, SECRET))
                .statusCode(), "two authentication methods at once");

        // client_secret_post
        String verifier2 = verifier();
        String code2 = query(authorize(challenge(verifier2), "s", "n")).get("code");
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code2,
                "redirect_uri", CALLBACK, "code_verifier", verifier2, "client_id", CLIENT, "client_secret", SECRET));
        assertEquals(200, post(fake.uri(FakeSignward.TOKEN_PATH), form).statusCode());
    }

    @Test
    void publicClientsUsePkceAlone() {
        fake.register(FakeClient.publicClient("spa").withRedirectUri(CALLBACK));
        String verifier = verifier();
        URI back = authorizeWith(Map.of("client_id", "spa", "code_challenge", challenge(verifier),
                "code_challenge_method", "S256"));
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code",
                "code", query(back).get("code"), "redirect_uri", CALLBACK, "code_verifier", verifier,
                "client_id", "spa"));
        assertEquals(200, post(fake.uri(FakeSignward.TOKEN_PATH), form).statusCode());
    }

    @Test
    void clientCredentialsAndTokenExchange() throws Exception {
        HttpResponse<String> cc = post(fake.uri(FakeSignward.TOKEN_PATH),
                Map.of("grant_type", "client_credentials", "scope", "reports"), "Authorization", basic(CLIENT, SECRET));
        assertEquals(200, cc.statusCode(), cc::body);
        JwtClaims service = verified(json(cc).getString("access_token"), "idserver-api");
        assertEquals(CLIENT, service.getSubject());
        assertEquals("reports", service.getStringClaimValue("scope"));

        String userToken = login().getString("access_token");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        form.put("subject_token", userToken);
        form.put("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
        form.put("audience", "downstream-api");
        HttpResponse<String> exchanged = post(fake.uri(FakeSignward.TOKEN_PATH), form, "Authorization",
                basic(CLIENT, SECRET));
        assertEquals(200, exchanged.statusCode(), exchanged::body);
        assertEquals("urn:ietf:params:oauth:token-type:access_token", json(exchanged).getString("issued_token_type"));
        JwtClaims downstream = verified(json(exchanged).getString("access_token"), "downstream-api");
        assertEquals(ALICE.id(), downstream.getSubject());
        assertEquals(List.of("admin"), downstream.getStringListClaimValue("roles"));
        assertEquals(Map.of("sub", CLIENT), downstream.getClaimValue("act"));

        form.put("subject_token", fake.tokens().expired().sign());
        assertEquals("invalid_grant", json(post(fake.uri(FakeSignward.TOKEN_PATH), form, "Authorization",
                basic(CLIENT, SECRET))).getString("error"));
    }

    @Test
    void revocationAndIntrospection() {
        JsonObject tokens = login();
        String access = tokens.getString("access_token");
        String refresh = tokens.getString("refresh_token");
        JsonObject active = json(introspect(access));
        assertTrue(active.getBoolean("active"));
        assertEquals(ALICE.id(), active.getString("sub"));
        JsonObject refreshInfo = json(introspect(refresh));
        assertTrue(refreshInfo.getBoolean("active"));
        assertEquals("refresh_token", refreshInfo.getString("token_type"));
        assertFalse(json(introspect("garbage")).getBoolean("active"));
        assertEquals(401, post(fake.uri(FakeSignward.INTROSPECT_PATH), Map.of("token", access)).statusCode());

        assertEquals(401, post(fake.uri(FakeSignward.REVOKE_PATH), Map.of("token", refresh)).statusCode());
        assertEquals(200, post(fake.uri(FakeSignward.REVOKE_PATH), Map.of("token", refresh, "token_type_hint",
                "refresh_token"), "Authorization", basic(CLIENT, SECRET)).statusCode());
        assertEquals("invalid_grant", json(refresh(refresh)).getString("error"));
        assertFalse(json(introspect(access)).getBoolean("active"), "the session's access tokens end too");

        String other = login().getString("access_token");
        assertEquals(200, post(fake.uri(FakeSignward.REVOKE_PATH), Map.of("token", other), "Authorization",
                basic(CLIENT, SECRET)).statusCode());
        assertEquals(401, Client.get(fake.uri(FakeSignward.USERINFO_PATH), "Authorization", "Bearer " + other)
                .statusCode());
    }

    @Test
    void opaqueTokensAreAnsweredByIntrospectionUntilRevokedOrExpired() {
        String opaque = fake.opaqueToken(ALICE);
        assertFalse(opaque.contains("."), "not a JWT");
        JsonObject active = json(introspect(opaque));
        assertTrue(active.getBoolean("active"));
        assertEquals(ALICE.id(), active.getString("sub"));
        assertEquals(fake.authority(), active.getString("iss"));
        assertEquals("idserver-api", active.getString("aud"));
        assertEquals("access_token", active.getString("token_type"));
        fake.revoke(opaque);
        assertFalse(json(introspect(opaque)).getBoolean("active"));
        String expired = fake.tokens().user(ALICE).expired().opaque();
        assertFalse(json(introspect(expired)).getBoolean("active"));
        String signed = fake.tokens().user(ALICE).sign();
        fake.revoke(signed);
        assertFalse(json(introspect(signed)).getBoolean("active"), "a revoked JWT is inactive too");
    }

    @Test
    void introspectionCanBeStopped() {
        String opaque = fake.opaqueToken(ALICE);
        fake.stopServingIntrospection();
        assertEquals(503, introspect(opaque).statusCode());
        fake.resume();
        assertTrue(json(introspect(opaque)).getBoolean("active"));
    }

    @Test
    void endSessionRedirectsOnlyToRegisteredUris() {
        String idToken = login().getString("id_token");
        HttpResponse<String> ok = Client.get(URI.create(fake.uri(FakeSignward.END_SESSION_PATH) + "?" + Client.encode(
                Map.of("id_token_hint", idToken, "post_logout_redirect_uri", AFTER_LOGOUT, "state", "st"))));
        assertEquals(302, ok.statusCode());
        assertEquals(AFTER_LOGOUT + "?state=st", ok.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> evil = Client.get(URI.create(fake.uri(FakeSignward.END_SESSION_PATH) + "?"
                + Client.encode(Map.of("id_token_hint", idToken, "post_logout_redirect_uri", "http://127.0.0.1:9/evil"))));
        assertEquals(400, evil.statusCode());
        assertTrue(evil.headers().firstValue("Location").isEmpty());
        assertEquals(200, Client.get(fake.uri(FakeSignward.END_SESSION_PATH)).statusCode());
    }

    @Test
    void everyRequestIsRecorded() {
        fake.takeRequests();
        String verifier = verifier();
        String code = query(authorize(challenge(verifier), "s", "n")).get("code");
        redeem(code, verifier, "Authorization", basic(CLIENT, SECRET));
        List<RecordedRequest> requests = fake.takeRequests();
        assertEquals(2, requests.size(), requests::toString);
        RecordedRequest authorize = requests.get(0);
        assertTrue(authorize.isTo(FakeSignward.AUTHORIZE_PATH));
        assertEquals(challenge(verifier), authorize.param("code_challenge").orElseThrow());
        RecordedRequest token = requests.get(1);
        assertEquals("POST", token.method());
        assertEquals(verifier, token.param("code_verifier").orElseThrow());
        assertEquals(basic(CLIENT, SECRET), token.header("authorization").orElseThrow());
        assertFalse(token.toString().contains(verifier), "toString never shows secrets");
        assertEquals(List.of(), fake.takeRequests());
    }

    @Test
    void loginFormAndBrowserHelper() {
        FakeUser bob = FakeUser.named("bob");
        fake.showLoginForm(ALICE, bob);
        try (Receiver app = new Receiver(200)) {
            String callback = app.uri("/auth/callback").toString();
            fake.register(FakeClient.confidential(CLIENT, SECRET).withRedirectUri(callback));
            URI start = URI.create(fake.uri(FakeSignward.AUTHORIZE_PATH) + "?" + Client.encode(params(callback,
                    Map.of("code_challenge", challenge(verifier()), "code_challenge_method", "S256"))));

            SignwardBrowser.Page form = new SignwardBrowser().get(start);
            assertEquals(200, form.status());
            assertTrue(form.body().contains("Sign in as Bob Tester"), form::body);
            assertFalse(form.body().contains("<link") || form.body().contains("<script") || form.body().contains("@import"),
                    "no external resources");

            SignwardBrowser.Page done = new SignwardBrowser().choosing(bob.id()).get(start);
            assertEquals(200, done.status());
            assertEquals("/auth/callback", done.uri().getPath());
            assertEquals("s", query(done.uri()).get("state"));
            assertEquals(3, done.hops().size(), done.hops()::toString);
            String code = query(done.uri()).get("code");
            assertTrue(code != null && !code.isEmpty());
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private JsonObject login() {
        String verifier = verifier();
        String code = query(authorize(challenge(verifier), "s", "n")).get("code");
        HttpResponse<String> response = redeem(code, verifier, "Authorization", basic(CLIENT, SECRET));
        assertEquals(200, response.statusCode(), response::body);
        return json(response);
    }

    private URI authorize(String challenge, String state, String nonce) {
        return authorizeWith(Map.of("code_challenge", challenge, "code_challenge_method", "S256", "state", state,
                "nonce", nonce));
    }

    private URI authorizeWith(Map<String, String> extra) {
        HttpResponse<String> answer = Client.get(URI.create(fake.uri(FakeSignward.AUTHORIZE_PATH) + "?"
                + Client.encode(params(CALLBACK, extra))));
        assertEquals(302, answer.statusCode(), answer::body);
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    private static Map<String, String> params(String redirectUri, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", CLIENT);
        params.put("redirect_uri", redirectUri);
        params.put("scope", "openid profile email");
        params.put("state", "s");
        params.putAll(extra);
        return params;
    }

    private HttpResponse<String> redeem(String code, String verifier, String... headers) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK, "code_verifier", verifier));
        return post(fake.uri(FakeSignward.TOKEN_PATH), form, headers);
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return post(fake.uri(FakeSignward.TOKEN_PATH), Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken), "Authorization", basic(CLIENT, SECRET));
    }

    private HttpResponse<String> introspect(String token) {
        return post(fake.uri(FakeSignward.INTROSPECT_PATH), Map.of("token", token), "Authorization",
                basic(CLIENT, SECRET));
    }

    private List<String> kids() {
        return json(Client.get(fake.uri(FakeSignward.JWKS_PATH))).getJsonArray("keys").stream()
                .map(k -> k.asJsonObject().getString("kid")).toList();
    }

    /** The token checked independently: signature through the JWKS endpoint, issuer, audience, expiry. */
    JwtClaims verified(String token, String audience) throws Exception {
        HttpsJwks jwks = new HttpsJwks(fake.uri(FakeSignward.JWKS_PATH).toString());
        return new JwtConsumerBuilder().setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setExpectedIssuer(fake.authority()).setExpectedAudience(audience).setRequireExpirationTime()
                .build().processToClaims(token);
    }

    static String header(String token, String name) {
        String json = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                java.nio.charset.StandardCharsets.UTF_8);
        JsonObject header = jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject();
        return header.containsKey(name) ? header.getString(name) : null;
    }
}
