package com.signward.idserver;

import com.signward.idserver.FakeProvider.Response;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static com.signward.idserver.TestSupport.failure;
import static com.signward.idserver.TestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code validateToken} wiring: discovery gives issuer and jwks_uri, options reach the validator, rejections
 * become {@link InvalidTokenException}s, claims become a {@link SignwardUser}. The rules themselves are tested
 * in the token package.
 */
@ExtendWith(ExpectedWarnings.class) // provokes the SDK's warnings on purpose: they go to target/expected-warnings.log
class ValidateTokenTest {

    static final String SUB = "6f1c2b1e-1111-4222-8333-444455556666";
    static final String JWKS = "/.well-known/jwks.json";

    static RsaJsonWebKey rsa;
    static OctetSequenceJsonWebKey hmac;

    FakeProvider provider;
    SignwardClient client;

    @BeforeAll
    static void keys() throws Exception {
        rsa = RsaJwkGenerator.generateJwk(2048);
        rsa.setKeyId("rsa-1");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        hmac = new OctetSequenceJsonWebKey(new HmacKey(secret));
        hmac.setKeyId("hmac-1");
    }

    @BeforeEach
    void start() throws Exception {
        provider = new FakeProvider();
        String keySet = new JsonWebKeySet(rsa, hmac).toJson(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC);
        provider.on(JWKS, r -> new Response(200, "application/jwk-set+json", keySet,
                Map.of("Cache-Control", "public, max-age=300")));
        client = new SignwardClient(options(provider.authority()).build());
    }

    @AfterEach
    void stop() {
        client.close();
        provider.close();
    }

    private String rs256(Consumer<JwtClaims> changes) throws Exception {
        return sign(changes, AlgorithmIdentifiers.RSA_USING_SHA256, rsa.getKeyId(), rsa.getPrivateKey());
    }

    private String sign(Consumer<JwtClaims> changes, String alg, String kid, java.security.Key key) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(provider.authority());
        claims.setAudience("idserver-api");
        claims.setSubject(SUB);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setGeneratedJwtId();
        claims.setClaim("email", "ada@example.com");
        claims.setStringListClaim("roles", List.of("admin"));
        claims.setClaim("custom_roles", "billing");
        changes.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(alg);
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(key);
        return jws.getCompactSerialization();
    }

    @Test
    void aValidTokenBecomesTheUser() throws Exception {
        SignwardUser user = client.validateToken(rs256(c -> { }));
        assertTrue(user.isAuthenticated());
        assertEquals(UUID.fromString(SUB), user.userId());
        assertEquals("ada@example.com", user.email());
        assertTrue(user.hasAllRoles("ADMIN", "Billing"));
        assertTrue(user.claims().get("exp") instanceof Long);
        assertEquals(1, provider.count(JWKS));
    }

    @Test
    void asyncValidation() throws Exception {
        SignwardUser user = client.validateTokenAsync(rs256(c -> { })).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals("ada@example.com", user.email());
        InvalidTokenException e = failure(InvalidTokenException.class, client.validateTokenAsync("garbage"));
        assertTrue(e.getMessage().startsWith("malformed token"), e.getMessage());
    }

    @Test
    void rejectionsAreInvalidTokenExceptionsWithTheRuleAndNoCause() throws Exception {
        String token = rs256(c -> c.setAudience("another-api"));
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> client.validateToken(token));
        assertEquals("audience mismatch", e.getMessage());
        assertNull(e.getCause());
        assertEquals("another-api", client.validateToken(token, "another-api").claims().get("aud"));
    }

    @Test
    void theIssuerComesFromDiscovery() throws Exception {
        String token = rs256(c -> c.setIssuer("https://evil.example.com"));
        assertEquals("issuer mismatch", assertThrows(InvalidTokenException.class, () -> client.validateToken(token))
                .getMessage());
    }

    @Test
    void expiredToken() throws Exception {
        String token = rs256(c -> {
            c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
            c.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 7200));
        });
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> client.validateToken(token));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
        assertFalse(e.getMessage().contains(token.substring(0, 20)));
    }

    @Test
    void missingTokenIsRejectedWithoutNetwork() {
        assertEquals("no token", assertThrows(InvalidTokenException.class, () -> client.validateToken(null))
                .getMessage());
        assertEquals("no token", failure(InvalidTokenException.class, client.validateTokenAsync(" ")).getMessage());
        assertEquals(0, provider.requests().size());
    }

    @Test
    void symmetricKeysOnlyWhenAllowed() throws Exception {
        String token = sign(c -> { }, AlgorithmIdentifiers.HMAC_SHA256, hmac.getKeyId(), hmac.getKey());
        assertThrows(InvalidTokenException.class, () -> client.validateToken(token));
        try (SignwardClient allowing = new SignwardClient(options(provider.authority())
                .allowSymmetricKeys(true).build())) {
            assertEquals("ada@example.com", allowing.validateToken(token).email());
        }
    }

    @Test
    void allowedAlgorithmsReachTheValidator() throws Exception {
        try (SignwardClient esOnly = new SignwardClient(options(provider.authority())
                .allowedAlgorithms(Set.of("ES256")).build())) {
            String token = rs256(c -> { });
            InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> esOnly.validateToken(token));
            assertTrue(e.getMessage().contains("algorithm"), e.getMessage());
        }
    }

    @Test
    void configuredRoleClaims() throws Exception {
        try (SignwardClient groups = new SignwardClient(options(provider.authority())
                .rolesClaim("groups").customRolesClaim("perms").build())) {
            SignwardUser user = groups.validateToken(rs256(c -> {
                c.setStringListClaim("groups", "editor");
                c.setClaim("perms", "export");
            }));
            assertEquals(List.of("editor"), user.roles());
            assertEquals(List.of("export"), user.customRoles());
            assertFalse(user.hasRole("admin"));
        }
    }

    @Test
    void jwksUriComesFromDiscovery() throws Exception {
        String keySet = new JsonWebKeySet(rsa).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        provider.on("/keys", r -> Response.json(200, keySet));
        provider.on(FakeProvider.DISCOVERY, r -> Response.json(200,
                provider.discovery().add("jwks_uri", provider.authority() + "/keys").build().toString()));
        client.validateToken(rs256(c -> { }));
        assertEquals(1, provider.count("/keys"));
        assertEquals(0, provider.count(JWKS));
    }

    @Test
    void jwksOutageBeforeAnyKeysRejectsTheToken() throws Exception {
        provider.on(JWKS, r -> new Response(503, "text/plain", "down", Map.of()));
        // a server-side problem, not a bad token: a plain SignwardException, not an InvalidTokenException
        SignwardException e = assertThrows(SignwardException.class, () -> client.validateToken(rs256(c -> { })));
        assertFalse(e instanceof InvalidTokenException, () -> e.getClass().getName());
        assertTrue(e.getMessage().startsWith("signing keys unavailable"), e.getMessage());
        SignwardException async = failure(SignwardException.class, client.validateTokenAsync(rs256(c -> { })));
        assertFalse(async instanceof InvalidTokenException, () -> async.getClass().getName());
        assertTrue(async.getMessage().startsWith("signing keys unavailable"), async.getMessage());
    }

    @Test
    void refreshMetadataMakesTheNextValidationFetchTheKeysAgain() throws Exception {
        client.validateToken(rs256(c -> { }));
        assertEquals(1, provider.count(JWKS));
        client.refreshMetadata();
        client.validateToken(rs256(c -> { }));
        assertEquals(2, provider.count(FakeProvider.DISCOVERY));
        assertEquals(2, provider.count(JWKS));
    }

    @Test
    void discoveryFailureIsNotAnInvalidToken() throws Exception {
        provider.on(FakeProvider.DISCOVERY, r -> new Response(500, "text/plain", "", Map.of()));
        String token = rs256(c -> { });
        assertThrows(DiscoveryException.class, () -> client.validateToken(token));
    }
}
