package com.signward.idserver;

import com.signward.idserver.FakeProvider.Response;
import com.signward.idserver.internal.jwt.MutableClock;
import com.signward.idserver.internal.metrics.SignwardMetrics;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static com.signward.idserver.TestSupport.failure;
import static com.signward.idserver.TestSupport.form;
import static com.signward.idserver.TestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code introspectToken}: the RFC 7662 request (client authentication as for the token endpoint), the response
 * mapped to the same user as a JWT's claims, the access-token rules that apply to a response, the cache (0 requests
 * for a token seen before, until min(exp, ttl)) and Signward's failures (never blamed on the token).
 */
class IntrospectTokenTest {

    static final String SUB = "6f1c2b1e-1111-4222-8333-444455556666";
    static final String INTROSPECT = "/connect/introspect";
    static final String TOKEN = "2YotnFZFEjr1zCsicMWpAA";

    final MutableClock clock = new MutableClock();
    final AtomicReference<jakarta.json.JsonObject> answer = new AtomicReference<>();
    FakeProvider provider;
    SignwardClient client;

    @BeforeEach
    void start() throws Exception {
        provider = new FakeProvider();
        provider.on(INTROSPECT, r -> Response.json(200, answer.get().toString()));
        answer.set(active().build());
        client = client(options(provider.authority()));
    }

    private SignwardClient client(SignwardOptions.Builder options) {
        return new SignwardClient(options.build(), HttpClient.newHttpClient(), clock);
    }

    @AfterEach
    void stop() {
        client.close();
        provider.close();
    }

    /** What Signward answers for an active access token. */
    private JsonObjectBuilder active() {
        long now = clock.instant().getEpochSecond();
        return Json.createObjectBuilder()
                .add("active", true)
                .add("token_type", "access_token")
                .add("iss", provider.authority())
                .add("aud", Json.createArrayBuilder().add("idserver-api"))
                .add("sub", SUB)
                .add("client_id", "spa")
                .add("email", "ada@example.com")
                .add("roles", Json.createArrayBuilder().add("admin"))
                .add("custom_roles", "billing")
                .add("iat", now)
                .add("exp", now + 3600);
    }

    @Test
    void anActiveTokenBecomesTheSameUserAsAJwt() {
        SignwardUser user = client.introspectToken(TOKEN);
        assertTrue(user.isAuthenticated());
        assertEquals(UUID.fromString(SUB), user.userId());
        assertEquals("ada@example.com", user.email());
        assertTrue(user.hasAllRoles("ADMIN", "Billing"));
        assertTrue(user.claims().get("exp") instanceof Long);
    }

    @Test
    void theRequestIsRfc7662WithTheTokenEndpointsClientAuthentication() {
        client.introspectToken(TOKEN);
        FakeProvider.Request request = provider.requests(INTROSPECT).get(0);
        assertEquals("POST", request.method());
        Map<String, String> body = form(request.body());
        assertEquals(TOKEN, body.get("token"));
        assertEquals("access_token", body.get("token_type_hint"));
        assertEquals("my-app", body.get("client_id")); // client_secret_post: discovery lists no basic
        assertEquals("s3cret", body.get("client_secret"));
    }

    @Test
    void basicAuthenticationWhenDiscoveryListsIt() {
        provider.on(FakeProvider.DISCOVERY, r -> Response.json(200, provider.discovery()
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("client_secret_basic"))
                .build().toString()));
        client.introspectToken(TOKEN);
        FakeProvider.Request request = provider.requests(INTROSPECT).get(0);
        assertTrue(request.header("Authorization").startsWith("Basic "));
        assertFalse(form(request.body()).containsKey("client_secret"));
    }

    @Test
    void theDiscoveredEndpointIsUsed() {
        provider.on("/elsewhere/introspect", r -> Response.json(200, answer.get().toString()));
        provider.on(FakeProvider.DISCOVERY, r -> Response.json(200, provider.discovery()
                .add("introspection_endpoint", provider.authority() + "/elsewhere/introspect").build().toString()));
        client.introspectToken(TOKEN);
        assertEquals(1, provider.count("/elsewhere/introspect"));
        assertEquals(0, provider.count(INTROSPECT));
    }

    @Test
    void aCachedTokenMakesNoRequest() throws Exception {
        SignwardUser first = client.introspectToken(TOKEN);
        for (int i = 0; i < 5; i++) {
            assertSame(first, client.introspectToken(TOKEN));
        }
        assertSame(first, client.introspectTokenAsync(TOKEN).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(1, provider.count(INTROSPECT));
        client.introspectToken(TOKEN + "x");
        assertEquals(2, provider.count(INTROSPECT), "another token is another entry");
    }

    @Test
    void theCacheEntryEndsAfterTheTtl() {
        client.introspectToken(TOKEN);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        client.introspectToken(TOKEN);
        assertEquals(1, provider.count(INTROSPECT));
        clock.advance(Duration.ofSeconds(1));
        client.introspectToken(TOKEN);
        assertEquals(2, provider.count(INTROSPECT));
    }

    @Test
    void theCacheEntryEndsAtExpAndTheTokenIsThenAskedForAgain() {
        long now = clock.instant().getEpochSecond();
        answer.set(active().add("exp", now + 60).build());
        client.introspectToken(TOKEN);
        clock.advance(Duration.ofSeconds(60 + 10)); // exp + the default skew
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> client.introspectToken(TOKEN));
        assertEquals("token expired", e.getMessage());
        assertEquals(2, provider.count(INTROSPECT));
    }

    @Test
    void aConfiguredTtlAndZeroTurnsCachingOff() {
        client.close();
        client = client(options(provider.authority()).introspectionCacheTtl(Duration.ZERO));
        client.introspectToken(TOKEN);
        client.introspectToken(TOKEN);
        assertEquals(2, provider.count(INTROSPECT));
    }

    @Test
    void anInactiveTokenIsRefusedAndNotCached() {
        answer.set(Json.createObjectBuilder().add("active", false).build());
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> client.introspectToken(TOKEN));
        assertEquals("token not active", e.getMessage());
        assertThrows(InvalidTokenException.class, () -> client.introspectToken(TOKEN));
        assertEquals(2, provider.count(INTROSPECT));
        answer.set(Json.createObjectBuilder().add("active", "true").build());
        assertThrows(InvalidTokenException.class, () -> client.introspectToken(TOKEN), "only JSON true is active");
    }

    @Test
    void theAccessTokenRulesApplyToTheResponse() {
        long now = clock.instant().getEpochSecond();
        assertRefused("token expired", active().add("exp", now - 60));
        assertRefused("audience mismatch", active().add("aud", "other-api"));
        assertRefused("issuer mismatch", active().add("iss", "https://evil.example.com"));
        assertRefused("token type not accepted", active().add("token_type", "refresh_token"));
        assertRefused("token not yet valid (nbf)", active().add("nbf", now + 600));
        // aud and iss are checked when present; an answer without them is accepted
        answer.set(active().remove("aud").remove("iss").remove("exp").build());
        assertEquals("ada@example.com", client.introspectToken(TOKEN + "y").email());
    }

    @Test
    void allowedClientsApply() {
        client.close();
        client = client(options(provider.authority()).allowedClients(java.util.List.of("web")));
        assertRefused("client not allowed (azp / client_id)", active());
        answer.set(active().add("client_id", "web").build());
        assertEquals("ada@example.com", client.introspectToken(TOKEN + "z").email());
    }

    private void assertRefused(String rule, JsonObjectBuilder response) {
        answer.set(response.build());
        String token = TOKEN + UUID.randomUUID().toString().replace("-", "");
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> client.introspectToken(token));
        assertEquals(rule, e.getMessage());
        assertFalse(e.getMessage().contains(token));
    }

    @Test
    void signwardFailingIsNotTheTokensFault() {
        provider.on(INTROSPECT, r -> Response.json(503, "{}"));
        SignwardException e = assertThrows(SignwardException.class, () -> client.introspectToken(TOKEN));
        assertFalse(e instanceof InvalidTokenException);
        assertFalse(e.getMessage().contains(TOKEN));
        provider.on(INTROSPECT, r -> new Response(200, "text/html", "<html>", Map.of()));
        assertFalse(assertThrows(SignwardException.class, () -> client.introspectToken(TOKEN))
                instanceof InvalidTokenException);
        provider.on(INTROSPECT, r -> Response.json(401, "{\"error\":\"invalid_client\"}"));
        assertFalse(assertThrows(SignwardException.class, () -> client.introspectToken(TOKEN))
                instanceof InvalidTokenException);
        provider.close(); // unreachable
        assertFalse(failure(SignwardException.class, client.introspectTokenAsync(TOKEN + "q"))
                instanceof InvalidTokenException);
    }

    @Test
    void outcomesAreCounted() {
        java.util.List<String> counted = new java.util.concurrent.CopyOnWriteArrayList<>();
        SignwardMetrics.install((name, labels) -> counted.add(name + " " + String.join("=", labels)));
        try {
            client.introspectToken(TOKEN);
            client.introspectToken(TOKEN);
            answer.set(Json.createObjectBuilder().add("active", false).build());
            assertThrows(InvalidTokenException.class, () -> client.introspectToken(TOKEN + "i"));
            provider.on(INTROSPECT, r -> Response.json(500, "{}"));
            assertThrows(SignwardException.class, () -> client.introspectToken(TOKEN + "f"));
        } finally {
            SignwardMetrics.install(SignwardMetrics.NOOP);
        }
        assertEquals(java.util.List.of("signward.introspections outcome=active",
                "signward.introspections outcome=cached", "signward.introspections outcome=inactive",
                "signward.tokens.rejected rule=token not active", "signward.introspections outcome=failed"), counted);
    }

    @Test
    void blankAndUnprintableTokensAreRefusedWithoutARequest() {
        assertThrows(InvalidTokenException.class, () -> client.introspectToken(""));
        client.introspectToken(TOKEN); // discovery loaded
        assertThrows(InvalidTokenException.class, () -> client.introspectToken("tök"));
        assertThrows(InvalidTokenException.class, () -> client.introspectToken("a b"));
        assertEquals(1, provider.count(INTROSPECT));
    }
}
