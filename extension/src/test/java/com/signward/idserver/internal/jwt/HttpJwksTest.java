package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.signward.idserver.ExpectedWarnings;
import org.junit.jupiter.api.extension.ExtendWith;

/** Against a real HTTP JWKS endpoint: key headers are never followed, max-age and outages behave. */
@ExtendWith(ExpectedWarnings.class) // provokes the SDK's warnings on purpose: they go to target/expected-warnings.log
class HttpJwksTest {
    private final MutableClock clock = new MutableClock();
    private final TestTokens tokens = new TestTokens(clock);
    private JwksHttpServer server;
    private AccessTokenValidator<Map<String, Object>> validator;

    @BeforeEach
    void start() throws Exception {
        server = new JwksHttpServer(TestKeys.RSA_1);
        JwksKeySource keys = new JwksKeySource(server.fetcher(), ValidatorFixture.MIN_REFRESH_INTERVAL,
                ValidatorFixture.MAX_STALE, clock);
        validator = new AccessTokenValidator<>(new JwtVerifier(new JwksKeys(keys), ValidatorFixture.policy(false),
                clock), AccessTokenValidator.DEFAULT_CACHE_SIZE, claims -> claims);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void validate(String token) throws TokenRejectedException, KeysUnavailableException {
        validator.validate(token, ValidatorFixture.rules());
    }

    private void assertRejected(String token, String rule) {
        ValidatorFixture.assertMessage(assertThrows(TokenRejectedException.class, () -> validate(token)), rule, token);
    }

    @Test
    void jkuAndX5uAreNeverFetched() throws Exception {
        RsaJsonWebKey attacker = TestKeys.rsa("evil", 2048);
        String jku = server.uri("/attacker").toString();
        assertRejected(tokens.token().header("jku", jku).signWith(attacker), "jku header not accepted");
        assertRejected(tokens.token().header("x5u", jku).signWith(attacker), "x5u header not accepted");
        // even pointing at the real JWKS, with the real key, the header is refused and not followed
        assertRejected(tokens.token().header("jku", server.uri("/jwks").toString()).signWith(TestKeys.RSA_1),
                "jku header not accepted");
        assertEquals(0, server.attackerHits());
        assertEquals(0, server.jwksHits());
        validate(tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(1, server.jwksHits());
    }

    @Test
    void embeddedKeysAreNeverUsed() throws Exception {
        RsaJsonWebKey attacker = TestKeys.rsa("evil", 2048);
        String jwk = attacker.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        assertRejected(tokens.token().kid("evil").header("jwk", org.jose4j.json.JsonUtil.parseJson(jwk))
                .signWith(attacker), "jwk header not accepted");
        assertRejected(tokens.token().noKid().header("jwk", org.jose4j.json.JsonUtil.parseJson(jwk))
                .signWith(attacker), "jwk header not accepted");
        assertRejected(tokens.token().header("x5c", List.of("MIIBfake")).signWith(attacker), "x5c header not accepted");
        assertEquals(0, server.jwksHits());
    }

    @Test
    void cacheControlMaxAgeIsHonoured() throws Exception {
        server.cacheControl("public, max-age=120");
        validate(tokens.token().signWith(TestKeys.RSA_1));
        clock.advance(Duration.ofSeconds(119));
        validate(tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(1, server.jwksHits());
        clock.advance(Duration.ofSeconds(1));
        validate(tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(2, server.jwksHits());
    }

    @Test
    void endpointOutageKeepsKnownKeysThenRejects() throws Exception {
        validate(tokens.token().signWith(TestKeys.RSA_1));
        server.status(503);
        clock.advance(Duration.ofHours(23));
        validate(tokens.token().signWith(TestKeys.RSA_1));
        assertEquals(2, server.jwksHits());
        clock.advance(Duration.ofHours(1));
        ValidatorFixture.assertUnavailable(() -> validate(tokens.token().signWith(TestKeys.RSA_1)));
        server.status(200);
        clock.advance(Duration.ofSeconds(30));
        validate(tokens.token().signWith(TestKeys.RSA_1));
    }
}
