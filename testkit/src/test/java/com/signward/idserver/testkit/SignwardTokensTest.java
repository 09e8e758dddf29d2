package com.signward.idserver.testkit;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every token shape, checked by an independent jose4j consumer reading the fake's JWKS over HTTP. */
class SignwardTokensTest {

    static FakeSignward fake;

    @BeforeAll
    static void start() {
        fake = FakeSignward.start();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void aValidTokenCarriesSignwardsClaims() throws Exception {
        FakeUser user = FakeUser.named("carol").withTenant("t-1").withRoles("admin", "user")
                .withCustomRoleString("auditor");
        String token = fake.tokens().user(user).clientId("my-spa").claim("plan", "gold").sign();
        JwtClaims claims = consumer().processToClaims(token);
        assertEquals(user.id(), claims.getSubject());
        assertEquals(List.of("idserver-api"), claims.getAudience());
        assertEquals("carol@example.test", claims.getStringClaimValue("email"));
        assertEquals(true, claims.getClaimValue("email_verified"));
        assertEquals("Carol Tester", claims.getStringClaimValue("name"));
        assertEquals("Carol", claims.getStringClaimValue("given_name"));
        assertEquals("Tester", claims.getStringClaimValue("family_name"));
        assertEquals("t-1", claims.getStringClaimValue("tenant_id"));
        assertEquals(List.of("admin", "user"), claims.getStringListClaimValue("roles"));
        assertEquals("auditor", claims.getStringClaimValue("custom_roles"));
        assertEquals("my-spa", claims.getStringClaimValue("azp"));
        assertEquals("gold", claims.getStringClaimValue("plan"));
        assertEquals(3600, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
        assertEquals("at+jwt", FakeSignwardTest.header(token, "typ"));
        assertEquals(fake.currentKeyId(), FakeSignwardTest.header(token, "kid"));
        assertEquals("Bearer ", fake.tokens().bearer().substring(0, 7));
    }

    @Test
    void eachAttackShapeBreaksItsRule() {
        SignwardTokens t = fake.tokens();
        assertRejected(t.expired().sign());
        assertRejected(t.notYetValid().sign());
        assertRejected(t.wrongAudience().sign());
        assertRejected(t.wrongIssuer().sign());
        assertRejected(t.unknownKid().sign());
        assertRejected(t.badSignature().sign());
        assertRejected(t.withoutExpiry().sign());
        assertRejected(SignwardTokens.malformed());
        assertRejected(SignwardTokens.garbageSegments());
        String none = t.algNone().sign();
        assertEquals("none", FakeSignwardTest.header(none, "alg"));
        assertEquals("", none.split("\\.", -1)[2]);
        assertRejected(none);
        String hs = t.hs256WithPublicKey().sign();
        assertEquals("HS256", FakeSignwardTest.header(hs, "alg"));
        assertEquals(fake.currentKeyId(), FakeSignwardTest.header(hs, "kid"));
        assertRejected(hs);
    }

    @Test
    void shapesChangeOnlyWhatTheyName() throws Exception {
        JwtClaims wrongIssuer = lenient().processToClaims(fake.tokens().wrongIssuer().sign());
        assertEquals(fake.authority() + "-evil", wrongIssuer.getIssuer());
        JwtClaims expired = lenient().processToClaims(fake.tokens().expired().sign());
        assertEquals(3600, expired.getExpirationTime().getValue() - expired.getIssuedAt().getValue());
        JwtClaims logout = lenient().processToClaims(fake.tokens().logoutTokenShape().sign());
        assertEquals("session-1", logout.getStringClaimValue("sid"));
        assertEquals(Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()),
                logout.getClaimValue("events"));
        assertNull(FakeSignwardTest.header(fake.tokens().logoutTokenShape().sign(), "typ"));
        assertEquals("dpop+jwt", FakeSignwardTest.header(fake.tokens().typ("dpop+jwt").sign(), "typ"));
        JwtClaims shortLived = consumer().processToClaims(fake.tokens().lifetime(Duration.ofSeconds(30)).sign());
        assertEquals(30, shortLived.getExpirationTime().getValue() - shortLived.getIssuedAt().getValue());
        assertFalse(lenient().processToClaims(fake.tokens().without("email").sign()).hasClaim("email"));
    }

    @Test
    void rotationChangesTheSigningKey() throws Exception {
        String before = fake.tokens().sign();
        fake.rotateKeys(true);
        consumer().processToClaims(before);
        consumer().processToClaims(fake.tokens().sign());
        fake.rotateKeys(false);
        assertRejected(before);
    }

    private static void assertRejected(String token) {
        assertThrows(InvalidJwtException.class, () -> consumer().processToClaims(token), token);
    }

    /** What an application should accept: RS256 from the JWKS, this issuer and audience, valid times. */
    private static JwtConsumer consumer() {
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(
                        new HttpsJwks(fake.uri(FakeSignward.JWKS_PATH).toString())))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                .setExpectedIssuer(fake.authority()).setExpectedAudience("idserver-api")
                .setRequireExpirationTime().setRequireSubject().setAllowedClockSkewInSeconds(10).build();
    }

    /** Signature unchecked: to read the claims of a shape. */
    private static JwtConsumer lenient() {
        return new JwtConsumerBuilder().setSkipAllValidators().setSkipSignatureVerification()
                .setDisableRequireSignature().build();
    }
}
