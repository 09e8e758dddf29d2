package com.signward.idserver;

import static com.signward.idserver.TestSupport.failure;
import static com.signward.idserver.TestSupport.options;
import static com.signward.idserver.TestSupport.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.json.JsonObject;

import com.signward.idserver.FakeProvider.Response;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code validateIdToken} (ID-token rules, never the access-token ones) and the new asynchronous twins. */
@ExtendWith(ExpectedWarnings.class) // provokes the SDK's warnings on purpose: they go to target/expected-warnings.log
class IdTokenAndAsyncTest {

    static final String SUB = "6f1c2b1e-1111-4222-8333-444455556666";
    static final String JWKS = "/.well-known/jwks.json";
    static final String CLIENT_ID = "my-app";
    static final String NONCE = "nonce-1";

    static RsaJsonWebKey rsa;

    FakeProvider provider;
    SignwardClient client;

    @BeforeAll
    static void keys() throws Exception {
        rsa = RsaJwkGenerator.generateJwk(2048);
        rsa.setKeyId("rsa-1");
    }

    @BeforeEach
    void start() throws Exception {
        provider = new FakeProvider();
        String keySet = new JsonWebKeySet(rsa).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        provider.on(JWKS, r -> new Response(200, "application/jwk-set+json", keySet, Map.of()));
        client = new SignwardClient(options(provider.authority()).build());
    }

    @AfterEach
    void stop() {
        client.close();
        provider.close();
    }

    /** An ID token: typ JWT, aud the client id, nonce, azp. */
    private String idToken(Consumer<JwtClaims> changes) throws Exception {
        return sign("JWT", claims -> {
            claims.setAudience(CLIENT_ID);
            claims.setClaim("nonce", NONCE);
            claims.setClaim("azp", CLIENT_ID);
            changes.accept(claims);
        });
    }

    private String sign(String typ, Consumer<JwtClaims> changes) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(provider.authority());
        claims.setAudience("idserver-api");
        claims.setSubject(SUB);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setGeneratedJwtId();
        claims.setClaim("email", "ada@example.com");
        claims.setStringListClaim("roles", List.of("admin"));
        changes.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(rsa.getKeyId());
        if (typ != null) {
            jws.setHeader("typ", typ);
        }
        jws.setKey(rsa.getPrivateKey());
        return jws.getCompactSerialization();
    }

    private InvalidTokenException rejected(String token, String nonce) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> client.validateIdToken(token, nonce));
        assertFalse(e.getMessage().contains(token.substring(token.indexOf('.') + 1, token.indexOf('.') + 20)),
                "never the token");
        return e;
    }

    @Test
    void aProperIdTokenIsAccepted() throws Exception {
        String token = idToken(c -> { });
        SignwardUser user = client.validateIdToken(token, NONCE);
        assertEquals(UUID.fromString(SUB), user.userId());
        assertEquals("ada@example.com", user.email());
        assertTrue(user.hasRole("admin"));
        client.validateIdToken(token, null); // the nonce is not checked when not given
        client.validateIdToken(sign(null, c -> c.setAudience(CLIENT_ID)), null); // no typ, no nonce
    }

    @Test
    void anAccessTokenIsNotAnIdToken() throws Exception {
        String accessToken = sign("at+jwt", c -> { });
        client.validateToken(accessToken); // it is a fine access token
        assertTrue(rejected(accessToken, null).getMessage().contains("token type not accepted"));
        // even one addressed to the client
        String addressed = sign("at+jwt", c -> c.setAudience(CLIENT_ID));
        assertTrue(rejected(addressed, null).getMessage().contains("token type not accepted"));
        // and an untyped one for the API lacks the client's audience
        String untyped = sign(null, c -> { });
        assertTrue(rejected(untyped, null).getMessage().contains("aud"));
        String logout = sign("logout+jwt", c -> c.setAudience(CLIENT_ID));
        assertTrue(rejected(logout, null).getMessage().contains("token type not accepted"));
    }

    @Test
    void theNonceMustMatch() throws Exception {
        String token = idToken(c -> { });
        assertTrue(rejected(token, "another-nonce").getMessage().contains("nonce does not match"));
        String noNonce = idToken(c -> c.unsetClaim("nonce"));
        assertTrue(rejected(noNonce, NONCE).getMessage().contains("no nonce"));
    }

    @Test
    void otherIdTokenRulesApply() throws Exception {
        assertTrue(rejected(idToken(c -> c.setClaim("azp", "other")), NONCE).getMessage().contains("azp"));
        assertTrue(rejected(idToken(c -> c.setIssuer("https://evil.example")), NONCE).getMessage()
                .contains("issuer"));
        assertTrue(rejected(idToken(c -> c.setExpirationTimeMinutesInTheFuture(-5)), NONCE).getMessage()
                .contains("expired"));
        assertEquals("no token", assertThrows(InvalidTokenException.class,
                () -> client.validateIdToken(" ", NONCE)).getMessage());
        assertEquals("no token", assertThrows(InvalidTokenException.class,
                () -> client.validateIdToken(null, NONCE)).getMessage());
    }

    @Test
    void anIdTokenForTheApiIsRefusedAsAnAccessTokenOnceAccessTokensMustBeTyped() throws Exception {
        // an ID token for the API audience (typ JWT is an accepted access-token type by default)
        String token = idToken(c -> c.setAudience(CLIENT_ID, "idserver-api"));
        client.validateIdToken(token, NONCE);
        client.validateToken(token);
        SignwardClient strict = new SignwardClient(options(provider.authority())
                .accessTokenTypes(List.of("at+jwt")).build());
        try (strict) {
            InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> strict.validateToken(token));
            assertTrue(e.getMessage().contains("token type not accepted"), e.getMessage());
        }
    }

    @Test
    void signingKeysUnavailableIsNotAnInvalidToken() throws Exception {
        provider.on(JWKS, r -> new Response(503, "text/plain", "down", Map.of()));
        SignwardException e = assertThrows(SignwardException.class, () -> client.validateIdToken(idToken(c -> { }),
                NONCE));
        assertFalse(e instanceof InvalidTokenException);
        assertTrue(e.getMessage().startsWith("signing keys unavailable"), e.getMessage());
    }

    @Test
    void endSessionUrlAsync() throws Exception {
        URI url = client.endSessionUrlAsync("id-token-hint-value", "https://app.example/bye", "st-1")
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(url.toString().startsWith(provider.authority() + "/connect/endsession?"), url.toString());
        Map<String, String> query = query(url);
        assertEquals("id-token-hint-value", query.get("id_token_hint"));
        assertEquals("https://app.example/bye", query.get("post_logout_redirect_uri"));
        assertEquals("st-1", query.get("state"));
        assertEquals(CLIENT_ID, query.get("client_id"));
        assertEquals(url, client.endSessionUrl("id-token-hint-value", "https://app.example/bye", "st-1"));

        URI bare = client.endSessionUrlAsync(null, null, null).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(Map.of("client_id", CLIENT_ID), query(bare));
    }

    @Test
    void endSessionUrlAsyncFailsWithDiscoveryException() {
        provider.on(FakeProvider.DISCOVERY, r -> new Response(500, "text/plain", "boom", Map.of()));
        failure(DiscoveryException.class, client.endSessionUrlAsync(null, null, null));
    }

    @Test
    void discoveryAsync() throws Exception {
        JsonObject document = client.discoveryAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(provider.authority(), document.getString("issuer"));
        assertEquals(document, client.discovery());
        assertEquals(1, provider.count(FakeProvider.DISCOVERY), "loaded once, then cached");
    }

    @Test
    void discoveryAsyncFailsWithDiscoveryException() {
        provider.on(FakeProvider.DISCOVERY, r -> new Response(500, "text/plain", "boom", Map.of()));
        failure(DiscoveryException.class, client.discoveryAsync());
    }

    @Test
    void refreshMetadataAsyncLoadsTheDocumentAgainAndTheKeysWithIt() throws Exception {
        client.validateToken(sign(null, c -> { }));
        assertEquals(1, provider.count(FakeProvider.DISCOVERY));
        assertEquals(1, provider.count(JWKS));
        assertEquals(null, client.refreshMetadataAsync().toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertEquals(2, provider.count(FakeProvider.DISCOVERY));
        client.validateToken(sign(null, c -> { }));
        assertEquals(2, provider.count(JWKS), "the next validation fetches the keys again");

        provider.on(FakeProvider.DISCOVERY, r -> new Response(500, "text/plain", "boom", Map.of()));
        failure(DiscoveryException.class, client.refreshMetadataAsync());
        client.validateToken(sign(null, c -> { })); // the previous document stays in use
        assertEquals(provider.authority(), client.discovery().getString("issuer"));
    }
}
