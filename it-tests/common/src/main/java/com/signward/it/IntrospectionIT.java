package com.signward.it;

import com.signward.idserver.testkit.FakeClient;
import com.signward.idserver.testkit.FakeSignward;
import com.signward.idserver.testkit.RecordedRequest;
import com.signward.idserver.testkit.SignwardConfig;
import com.signward.idserver.testkit.SignwardTestExtension;
import com.signward.idserver.testkit.WithFakeSignward;
import com.signward.it.support.Deployments;
import com.signward.it.support.Expect;
import com.signward.it.support.FakeLogin;
import com.signward.it.support.Http;
import com.signward.it.support.TestUser;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opaque access tokens ({@code signward.introspection.enabled=true}) checked at the test kit's fake Signward's
 * introspection endpoint (RFC 7662) by a confidential client: the caller's claims, inactive tokens refused, the
 * provider's outage answered 503, and the cache: a token seen before makes no request to the provider.
 */
@WithFakeSignward
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IntrospectionIT {

    static final String CLIENT = "it-introspection";
    static final String SECRET = "it-introspection-secret-0123456789abcdef";
    private static final TestUser ALICE = TestUser.named("alice").withRoles("user");
    private static final TestUser ADMIN = TestUser.named("ada").withRoles("admin");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("signward-introspection", "com.signward.it.introspection",
                config(fake(), Map.of("signward.introspection.enabled", "true")));
    }

    /** The fake with the confidential client registered, and the WAR's configuration. */
    static Map<String, String> config(FakeSignward fake, Map<String, String> extra) {
        fake.register(FakeClient.confidential(CLIENT, SECRET));
        Map<String, String> config = new LinkedHashMap<>(
                SignwardConfig.of(fake).clientId(CLIENT).clientSecret(SECRET).toMap());
        config.putAll(extra);
        return config;
    }

    private static FakeSignward fake() {
        return SignwardTestExtension.fakeFor(IntrospectionIT.class);
    }

    private static String opaque(TestUser user) {
        return fake().opaqueToken(FakeLogin.user(user));
    }

    /** The introspection requests the fake received for this token. */
    static List<RecordedRequest> introspections(FakeSignward fake, String token) {
        return fake.requestsTo(FakeSignward.INTROSPECT_PATH).stream()
                .filter(r -> r.param("token").filter(token::equals).isPresent()).toList();
    }

    private Http http() {
        return new Http(base);
    }

    @Test
    void anActiveOpaqueTokenGivesTheResourceTheUser() {
        String token = opaque(ALICE);
        JsonObject caller = Expect.ok(http().get("api/caller", token));
        assertEquals(ALICE.sub(), caller.getString("userId"));
        assertEquals(ALICE.email(), caller.getString("email"));
        assertEquals(ALICE.tenantId(), caller.getString("tenantId"));
        assertEquals("[\"user\"]", caller.getJsonArray("roles").toString());
        assertEquals(ALICE.sub(), caller.getString("principal"));
        assertEquals(false, caller.getBoolean("admin"));
        assertTrue(Expect.ok(http().get("api/caller", opaque(ADMIN))).getBoolean("admin"), "roles become groups");
    }

    @Test
    void theProviderIsAskedWithTheClientsCredentials() {
        String token = opaque(ALICE);
        Expect.ok(http().get("api/caller", token));
        RecordedRequest request = introspections(fake(), token).get(0);
        assertEquals("POST", request.method());
        assertEquals("access_token", request.param("token_type_hint").orElse(null));
        assertTrue(request.header("Authorization").orElse("").startsWith("Basic "), request::toString);
    }

    @Test
    void aCachedTokenMakesNoSecondRequest() {
        String token = opaque(ALICE);
        for (int i = 0; i < 5; i++) {
            Expect.ok(http().get("api/caller", token));
        }
        assertEquals(1, introspections(fake(), token).size(), "steady state: 0 outbound requests per request");
    }

    @Test
    void revokedAndUnknownTokensAreRefused() {
        String token = opaque(ALICE);
        fake().revoke(token);
        Expect.invalidToken(http().get("api/caller", token), token, "token not active");
        String unknown = "unknownOpaqueToken0123456789";
        Expect.invalidToken(http().get("api/caller", unknown), unknown, "token not active");
        Expect.invalidToken(http().get("api/open", unknown), unknown, "token not active");
    }

    @Test
    void anExpiredOpaqueTokenIsRefused() {
        String token = fake().tokens().user(FakeLogin.user(ALICE)).expired().opaque();
        Expect.invalidToken(http().get("api/caller", token), token);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = fake().tokens().user(FakeLogin.user(ALICE)).audience("other-api").opaque();
        Expect.invalidToken(http().get("api/caller", token), token, "audience mismatch");
    }

    @Test
    void jwtsAreStillValidatedLocally() {
        String jwt = fake().tokens().user(FakeLogin.user(ALICE)).sign();
        assertEquals(ALICE.sub(), Expect.ok(http().get("api/caller", jwt)).getString("userId"));
        assertEquals(0, introspections(fake(), jwt).size());
    }

    @Test
    void theProviderDownIsAnOutageNotABadToken() {
        String token = opaque(ALICE);
        fake().stopServingIntrospection();
        try {
            Expect.unavailable(http().get("api/caller", token));
        } finally {
            fake().resume();
        }
        assertEquals(ALICE.sub(), Expect.ok(http().get("api/caller", token)).getString("userId"),
                "the outage was not cached");
    }
}
