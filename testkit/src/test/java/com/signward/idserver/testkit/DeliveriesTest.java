package com.signward.idserver.testkit;

import jakarta.json.JsonObject;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the fake sends on its own, received by a JDK HttpServer standing in for the application. */
class DeliveriesTest {

    @Test
    void backchannelLogoutPostsASignedLogoutToken() throws Exception {
        try (FakeSignward fake = FakeSignward.start(); Receiver app = new Receiver(200)) {
            fake.register(FakeClient.confidential("web", "s").withBackchannelLogoutUri(app.uri("/auth/backchannel")));
            assertEquals(200, fake.sendBackchannelLogout("web", "session-7", "user-1"));

            Receiver.Received post = app.received.get(0);
            assertEquals("POST", post.method());
            assertEquals("/auth/backchannel", post.path());
            assertTrue(post.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
            assertTrue(post.body().startsWith("logout_token="));
            String token = URLDecoder.decode(post.body().substring("logout_token=".length()), StandardCharsets.UTF_8);
            assertEquals("logout+jwt", FakeSignwardTest.header(token, "typ"));
            JwtClaims claims = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(
                            new HttpsJwks(fake.uri(FakeSignward.JWKS_PATH).toString())))
                    .setExpectedIssuer(fake.authority()).setExpectedAudience("web").setRequireJwtId()
                    .setRequireIssuedAt().build().processToClaims(token);
            assertEquals("session-7", claims.getStringClaimValue("sid"));
            assertEquals("user-1", claims.getSubject());
            assertEquals(Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()),
                    claims.getClaimValue("events"));
            assertTrue(!claims.hasClaim("nonce"));
        }
    }

    @Test
    void backchannelLogoutReportsTheApplicationsAnswer() {
        try (FakeSignward fake = FakeSignward.start(); Receiver app = new Receiver(400)) {
            fake.register(FakeClient.confidential("web", "s").withBackchannelLogoutUri(app.uri("/bc")));
            assertEquals(400, fake.sendBackchannelLogout("web", null, "user-1"));
            assertThrows(IllegalArgumentException.class, () -> fake.sendBackchannelLogout("web", null, null));
            assertThrows(IllegalArgumentException.class, () -> fake.sendBackchannelLogout("nobody", "s", null));
        }
    }

    @Test
    void webhooksAreSignedAsSignwardSignsThem() throws Exception {
        String secret = "whsec_test_0123456789";
        try (FakeSignward fake = FakeSignward.start(); Receiver app = new Receiver(204)) {
            fake.webhookEndpoint(app.uri("/hooks/signward"), secret);
            long before = Instant.now().getEpochSecond();
            assertEquals(204, fake.sendWebhook("user.created", Map.of("user_id", "u-1", "email", "a@example.test")));

            Receiver.Received post = app.received.get(0);
            assertEquals("POST", post.method());
            assertEquals("user.created", post.header("Signward-Event"));
            assertNotNull(post.header("Signward-Delivery-Id"));
            assertTrue(post.header("Content-Type").startsWith("application/json"));
            String signature = post.header("Signward-Signature");
            assertTrue(signature.matches("t=\\d+,v1=[0-9a-f]{64}"), signature);
            long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
            assertTrue(t >= before && t <= Instant.now().getEpochSecond());
            // checked independently: HMAC-SHA256 over "t.body" with the subscription secret
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + post.body())
                    .getBytes(StandardCharsets.UTF_8)));
            assertEquals("v1=" + expected, signature.substring(signature.indexOf(',') + 1));

            JsonObject data = jakarta.json.Json.createReader(new StringReader(post.body())).readObject();
            assertEquals("u-1", data.getString("user_id"));
            assertEquals("a@example.test", data.getString("email"));

            fake.sendWebhook("user.login", Map.of(), Instant.now().minusSeconds(600));
            String old = app.received.get(1).header("Signward-Signature");
            assertTrue(Long.parseLong(old.substring(2, old.indexOf(','))) <= Instant.now().getEpochSecond() - 599);
        }
    }
}
