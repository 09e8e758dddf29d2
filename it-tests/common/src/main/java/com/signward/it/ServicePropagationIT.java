package com.signward.it;

import com.signward.idserver.testkit.FakeClient;
import com.signward.idserver.testkit.FakeSignward;
import com.signward.idserver.testkit.RecordedRequest;
import com.signward.idserver.testkit.SignwardTestExtension;
import com.signward.idserver.testkit.WithFakeSignward;
import com.signward.it.support.Deployments;
import com.signward.it.support.EchoServer;
import com.signward.it.support.Expect;
import com.signward.it.support.FakeLogin;
import com.signward.it.support.Http;
import com.signward.it.support.JwtClaims;
import com.signward.it.support.TestUser;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code SignwardTokenPropagation} with a service identity and token exchange
 * ({@code signward.propagation.mode=caller-or-client-credentials}, {@code signward.propagation.exchange.audience}):
 * anonymous calls carry the application's own client-credentials token, callers' calls an exchanged token for the
 * audience; both fetched once and then served from the cache (counted at the fake).
 */
@WithFakeSignward
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServicePropagationIT {

    private static final String CLIENT_ID = "it-gateway";
    private static final String CLIENT_SECRET = "it-gateway-secret-0123456789abcdef0123456789";
    private static final String AUDIENCE = "orders-api";
    private static final TestUser USER = TestUser.named("otto").withRoles("user");
    /** The downstream service, on loopback, for the whole class. */
    private static final EchoServer ECHO = new EchoServer();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        FakeSignward fake = fake();
        fake.register(FakeClient.confidential(CLIENT_ID, CLIENT_SECRET));
        Map<String, String> config = new java.util.LinkedHashMap<>(FakeLogin.apiConfig(fake));
        config.put("signward.client-id", CLIENT_ID);
        config.put("signward.client-secret", CLIENT_SECRET);
        config.put("signward.propagation.allowed-hosts", "127.0.0.1");
        config.put("signward.propagation.mode", "caller-or-client-credentials");
        config.put("signward.propagation.scopes", "orders.read");
        config.put("signward.propagation.exchange.audience", AUDIENCE);
        return Deployments.war("signward-service-propagation", "com.signward.it.propagation", config);
    }

    private static FakeSignward fake() {
        return SignwardTestExtension.fakeFor(ServicePropagationIT.class);
    }

    @AfterAll
    static void stopEcho() {
        ECHO.close();
    }

    private static String call() {
        return "api/call?target=" + URLEncoder.encode(ECHO.url("127.0.0.1"), StandardCharsets.UTF_8);
    }

    private static List<RecordedRequest> grants(String type) {
        return fake().requests().stream().filter(r -> r.isTo(FakeSignward.TOKEN_PATH))
                .filter(r -> r.param("grant_type").equals(Optional.of(type))).toList();
    }

    @Test
    void anonymousCallsCarryTheApplicationsOwnTokenFetchedOnce() {
        ECHO.take();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, Expect.ok(new Http(base).get(call())).getInt("downstream"));
        }
        List<Optional<String>> received = ECHO.take();
        assertEquals(5, received.size());
        assertEquals(1, received.stream().distinct().count(), "the same cached token each time");
        JsonObject claims = JwtClaims.claims(received.get(0).orElseThrow());
        assertEquals(CLIENT_ID, claims.getString("sub"), "the application's own identity");
        assertEquals("orders.read", claims.getString("scope"));
        List<RecordedRequest> grants = grants("client_credentials");
        assertEquals(1, grants.size(), "one client_credentials grant for five calls");
    }

    @Test
    void aCallersTokenIsExchangedForTheAudienceOnce() {
        String token = new FakeLogin(fake()).tokens(USER).sign();
        ECHO.take();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Expect.ok(new Http(base).get(call(), token)).getInt("downstream"));
        }
        List<Optional<String>> received = ECHO.take();
        assertEquals(3, received.size());
        assertEquals(1, received.stream().distinct().count(), "the same cached exchanged token each time");
        String sent = received.get(0).orElseThrow();
        JsonObject claims = JwtClaims.claims(sent);
        assertEquals(AUDIENCE, claims.get("aud").getValueType() == jakarta.json.JsonValue.ValueType.STRING
                ? claims.getString("aud") : claims.getJsonArray("aud").getString(0));
        assertEquals(USER.sub(), claims.getString("sub"), "still the caller");
        assertEquals(CLIENT_ID, claims.getJsonObject("act").getString("sub"), "acting: this application");
        List<RecordedRequest> exchanges = grants("urn:ietf:params:oauth:grant-type:token-exchange");
        assertEquals(1, exchanges.size(), "one exchange for three calls");
        assertEquals(Optional.of(token), exchanges.get(0).param("subject_token"));
        assertEquals(Optional.of(AUDIENCE), exchanges.get(0).param("audience"));
    }
}
