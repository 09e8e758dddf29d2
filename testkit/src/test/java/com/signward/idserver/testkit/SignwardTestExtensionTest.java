package com.signward.idserver.testkit;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JUnit 5 extension as an application's test class uses it, and the configuration helper. */
@WithFakeSignward
class SignwardTestExtensionTest {

    @Test
    void injectsTheClassesProvider(FakeSignward fake, SignwardTokens tokens) {
        assertSame(SignwardTestExtension.fakeFor(SignwardTestExtensionTest.class), fake);
        assertEquals(200, Client.get(fake.uri(FakeSignward.DISCOVERY_PATH)).statusCode());
        assertTrue(tokens.sign().split("\\.").length == 3);
    }

    @Test
    void annotatedParameterIsABearerTokenForThatUser(
            @SignwardTestUser(roles = "admin", customRoles = {"billing", "audit"}, tenant = "acme",
                    email = "boss@example.test") String token, FakeSignward fake) throws Exception {
        JwtClaims claims = read(token);
        assertEquals(fake.authority(), claims.getIssuer());
        assertEquals(List.of("admin"), claims.getStringListClaimValue("roles"));
        assertEquals(List.of("billing", "audit"), claims.getStringListClaimValue("custom_roles"));
        assertEquals("acme", claims.getStringClaimValue("tenant_id"));
        assertEquals("boss@example.test", claims.getStringClaimValue("email"));
    }

    @Test
    @SignwardTestUser(name = "dora", roles = {"user", "editor"}, header = true)
    void annotatedMethodGivesTheHeaderAndTheUser(String authorization, FakeUser user) throws Exception {
        assertTrue(authorization.startsWith("Bearer "));
        JwtClaims claims = read(authorization.substring(7));
        assertEquals(user.id(), claims.getSubject());
        assertEquals("dora@example.test", user.email());
        assertEquals(List.of("user", "editor"), claims.getStringListClaimValue("roles"));
    }

    @Test
    void configurationPointsAnApplicationAtTheFake(FakeSignward fake) {
        SignwardConfig config = SignwardConfig.of(fake).clientId("my-web").clientSecret("s3cret").loginEnabled(true)
                .audience("my-api");
        assertEquals("signward.authority=" + fake.authority() + "\nsignward.client-id=my-web\n"
                + "signward.client-secret=s3cret\nsignward.login.enabled=true\nsignward.audience=my-api\n",
                config.toString());
        Properties properties = config.toProperties();
        assertEquals(fake.authority(), properties.getProperty("signward.authority"));
        assertEquals("test-app", SignwardConfig.of(fake).toMap().get("signward.client-id"));
    }

    private static JwtClaims read(String token) throws Exception {
        return new JwtConsumerBuilder().setSkipAllValidators().setSkipSignatureVerification().build()
                .processToClaims(token);
    }
}
