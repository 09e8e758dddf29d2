package com.signward.it;

import com.signward.idserver.testkit.FakeSignward;
import com.signward.it.support.Deployments;
import com.signward.it.support.Expect;
import com.signward.it.support.Http;
import com.signward.it.support.Webhooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signward webhooks end to end: deliveries POSTed to {@code /signward/webhooks} as Signward sends them, the
 * application's {@code @Observes SignwardEvent} observers, and what the endpoint answers Signward.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookIT {

    private static final String SECRET = "whsec_it-current-0123456789abcdef";
    private static final String OLD_SECRET = "whsec_it-previous-0123456789abcdef";
    private static final String BODY = "{\"user_id\":\"u-42\",\"email\":\"kim@example.com\"}";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = Deployments.defaultConfig();
        config.put("signward.webhooks.enabled", "true");
        config.put("signward.webhooks.secret", SECRET + "," + OLD_SECRET);
        return Deployments.war("signward-webhooks", "com.signward.it.ops", config);
    }

    private Webhooks webhooks() {
        return new Webhooks(base, "signward/webhooks");
    }

    private static String newId() {
        return "d-" + UUID.randomUUID();
    }

    @Test
    void validDeliveryIsObservedAndAcknowledged() {
        String id = newId();
        Http.Response r = webhooks().send("user.created", id, BODY, SECRET);
        assertEquals(200, r.status(), r::describe);
        assertEquals("ok", r.json().getString("status"));
        JsonObject seen = find(events().getJsonArray("all"), id);
        assertEquals("user.created", seen.getString("type"));
        assertEquals("u-42", seen.getJsonObject("data").getString("user_id"));
        assertTrue(Math.abs(seen.getJsonNumber("timestamp").longValue() - Instant.now().getEpochSecond()) < 60);
        find(events().getJsonArray("created"), id); // the qualified observer saw it too
    }

    @Test
    void qualifiedObserverSeesOnlyItsType() {
        String id = newId();
        assertEquals(200, webhooks().send("user.login", id, BODY, SECRET).status());
        find(events().getJsonArray("all"), id);
        assertFalse(contains(events().getJsonArray("created"), id), "user.login reached the user.created observer");
    }

    @Test
    void tamperedBodyIsRefused() {
        String id = newId();
        byte[] signed = BODY.getBytes(StandardCharsets.UTF_8);
        byte[] tampered = BODY.replace("u-42", "u-43").getBytes(StandardCharsets.UTF_8);
        Http.Response r = webhooks().post("user.created", id, tampered,
                Webhooks.signature(SECRET, Instant.now(), signed));
        assertRefused(r, 400, "invalid_signature", id);
    }

    @Test
    void wrongSecretIsRefused() {
        String id = newId();
        assertRefused(webhooks().send("user.created", id, BODY, "whsec_not-the-secret"), 400, "invalid_signature", id);
    }

    @Test
    void oldTimestampIsRefused() {
        String id = newId();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        Http.Response r = webhooks().post("user.created", id, body,
                Webhooks.signature(SECRET, Instant.now().minusSeconds(600), body));
        assertRefused(r, 400, "stale_timestamp", id);
    }

    @Test
    void replayedDeliveryIsAcknowledgedButObservedOnce() {
        String id = newId();
        assertEquals(200, webhooks().send("user.created", id, BODY, SECRET).status());
        Http.Response again = webhooks().send("user.created", id, BODY, SECRET);
        assertEquals(200, again.status(), again::describe);
        assertEquals("duplicate", again.json().getString("status"));
        assertEquals(1, count(events().getJsonArray("all"), id));
    }

    @Test
    void oversizedBodyIs413() {
        String id = newId();
        byte[] big = ("{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertRefused(webhooks().post("user.created", id, big, Webhooks.signature(SECRET, Instant.now(), big)),
                413, "body_too_large", id);
    }

    @Test
    void previousSecretStillWorksDuringRotation() {
        String id = newId();
        assertEquals(200, webhooks().send("user.created", id, BODY, OLD_SECRET).status());
        find(events().getJsonArray("all"), id);
    }

    @Test
    void failingObserverGives500WithoutDetailsAndTheRetryIsProcessed() {
        String id = newId();
        Http.Response r = webhooks().send("user.created", id, "{\"fail\":true}", SECRET);
        assertEquals(500, r.status(), r::describe);
        assertEquals("observer_failed", r.json().getString("error"));
        assertFalse(r.body().contains("Exception"), r::describe);
        // Signward retries the same delivery id: processed this time, since the first attempt did not complete
        assertEquals(200, webhooks().send("user.created", id, BODY, SECRET).status());
        assertEquals(1, count(events().getJsonArray("all"), id));
    }

    @Test
    void deliveriesOfTheTestKitAreObserved() throws Exception {
        try (FakeSignward fake = FakeSignward.start()) {
            fake.webhookEndpoint(base.toURI().resolve("signward/webhooks"), SECRET);
            assertEquals(200, fake.sendWebhook("user.created", Map.of("user_id", "u-kit", "email", "kit@example.com")));
        }
        assertTrue(events().getJsonArray("created").stream().map(JsonObject.class::cast)
                .anyMatch(e -> "u-kit".equals(e.getJsonObject("data").getString("user_id", null))), "not observed");
    }

    @Test
    void onlyPostIsServed() {
        assertEquals(405, new Http(base).get("signward/webhooks").status());
    }

    private JsonObject events() {
        return Expect.ok(new Http(base).get("api/events"));
    }

    private void assertRefused(Http.Response r, int status, String error, String id) {
        assertEquals(status, r.status(), r::describe);
        assertEquals(error, r.json().getString("error"));
        assertFalse(contains(events().getJsonArray("all"), id), "a refused delivery reached an observer");
    }

    private static JsonObject find(JsonArray events, String id) {
        return events.stream().map(JsonObject.class::cast).filter(e -> e.getString("deliveryId").equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("delivery " + id + " not observed: " + events));
    }

    private static boolean contains(JsonArray events, String id) {
        return count(events, id) > 0;
    }

    private static long count(JsonArray events, String id) {
        return events.stream().map(JsonObject.class::cast).filter(e -> e.getString("deliveryId").equals(id)).count();
    }
}
