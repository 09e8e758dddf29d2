package com.signward.it;

import com.signward.it.support.Deployments;
import com.signward.it.support.Http;
import com.signward.it.support.StubProvider;
import com.signward.it.support.TestUser;
import com.signward.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readiness check {@code signward} through the runtime's own health endpoint ({@code it.health-base} +
 * {@code health/ready}), against a provider whose JWKS the test turns off and on: DOWN while no key was ever
 * loaded, UP once keys are loaded, UP with {@code stale: true} when a later fetch fails. Where the runtime has no
 * MicroProfile Health ({@code it.health-api=false}: WildFly's default profile) the application deploys and works,
 * and no {@code signward} check appears.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    private static StubProvider provider;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("signward-health", "com.signward.it.ops", Map.of(
                "signward.authority", provider().authority(),
                "signward.client-id", "it-health",
                "signward.jwks.min-refresh-interval", "1s",
                "signward.startup.check", "off"));
    }

    private static synchronized StubProvider provider() {
        if (provider == null) {
            provider = new StubProvider("health", Map.of());
            provider.jwksUp(false); // down before the first fetch
        }
        return provider;
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void downThenUpThenUpStale() throws Exception {
        if (!Boolean.getBoolean("it.health-api")) {
            assertEquals(200, new Http(base).get("api/events").status(), "deploys and works without the Health API");
            Http.Response ready = health();
            assertFalse(ready.body().contains("\"signward\""), ready::describe);
            return;
        }
        Http.Response down = health();
        assertEquals(503, down.status(), down::describe);
        assertEquals("DOWN", check(down).getString("status"));

        provider.jwksUp(true);
        Thread.sleep(1100); // the minimum refresh interval after the failed fetch
        Http.Response up = health();
        assertEquals(200, up.status(), up::describe);
        JsonObject upCheck = check(up);
        assertEquals("UP", upCheck.getString("status"));
        JsonObject data = upCheck.getJsonObject("data");
        assertEquals(provider.authority(), data.getString("authority"));
        assertEquals(StubProvider.KEY_ID, data.getString("keyIds"));
        assertTrue(data.containsKey("lastSuccessfulRefresh") && data.containsKey("nextRefresh"), up::describe);
        assertEquals("false", text(data.get("stale")), up::describe);

        // outage: a token with an unknown key id makes the application fetch again, which fails
        provider.jwksUp(false);
        Thread.sleep(1100);
        String token = Tokens.forIssuer(TestUser.named("kim").withRoles("user"), provider.authority(),
                provider.signingKey(), "rotated-key");
        assertEquals(401, new Http(base).get("api/events", token).status());
        Http.Response stale = health();
        assertEquals(200, stale.status(), stale::describe);
        JsonObject staleCheck = check(stale);
        assertEquals("UP", staleCheck.getString("status"));
        assertEquals("true", text(staleCheck.getJsonObject("data").get("stale")), stale::describe);
        assertTrue(staleCheck.getJsonObject("data").containsKey("staleSince"), stale::describe);
    }

    private static Http.Response health() throws Exception {
        return new Http(URI.create(System.getProperty("it.health-base")).toURL()).get("health/ready");
    }

    /** A data value as text: Liberty and WildFly send the boolean, Payara Micro the string. */
    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : String.valueOf(value);
    }

    private static JsonObject check(Http.Response r) {
        Optional<JsonObject> check = r.json().getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("signward")).findFirst();
        return check.orElseThrow(() -> new AssertionError("no signward check: " + r.describe()));
    }
}
