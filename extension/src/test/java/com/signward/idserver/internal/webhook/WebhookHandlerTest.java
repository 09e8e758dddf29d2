package com.signward.idserver.internal.webhook;

import com.signward.idserver.internal.jwt.MutableClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook endpoint's decisions, without a server: what Signward gets back and what observers see. */
@org.junit.jupiter.api.extension.ExtendWith(com.signward.idserver.ExpectedWarnings.class) // provokes the SDK's warnings on purpose
class WebhookHandlerTest {

    private static final String SECRET = "whsec_current0123456789";
    private static final String OLD_SECRET = "whsec_previous0123456789";
    private static final byte[] BODY = "{\"user_id\":\"u-1\",\"email\":\"kim@example.com\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock();
    private final List<WebhookDelivery> observed = new ArrayList<>();
    private RuntimeException observerFailure;

    private WebhookHandler handler(String... secrets) {
        return new WebhookHandler(new WebhookVerifier(List.of(secrets), WebhookVerifier.DEFAULT_TOLERANCE, clock),
                new InMemoryDeliveryLog(Duration.ofHours(1), 100), delivery -> {
                    if (observerFailure != null) {
                        throw observerFailure;
                    }
                    observed.add(delivery);
                }, clock);
    }

    private String signed(String secret, byte[] body) {
        return WebhookVerifier.sign(secret, clock.instant().getEpochSecond(), body);
    }

    @Test
    void validDeliveryIsObservedWithTypeIdTimestampAndData() {
        WebhookHandler.Outcome outcome = handler(SECRET).handle(signed(SECRET, BODY), "user.created", "d-1", BODY);
        assertEquals(new WebhookHandler.Outcome(200, "ok"), outcome);
        assertEquals(1, observed.size());
        WebhookDelivery delivery = observed.get(0);
        assertEquals("user.created", delivery.type());
        assertEquals("d-1", delivery.deliveryId());
        assertEquals(clock.instant(), delivery.timestamp());
        assertEquals("u-1", delivery.data().getString("user_id"));
    }

    @Test
    void tamperedBodyIsRefused() {
        byte[] tampered = "{\"user_id\":\"u-2\",\"email\":\"kim@example.com\"}".getBytes(StandardCharsets.UTF_8);
        assertRefused(handler(SECRET).handle(signed(SECRET, BODY), "user.created", "d-1", tampered),
                "invalid_signature");
    }

    @Test
    void wrongSecretIsRefused() {
        assertRefused(handler(SECRET).handle(signed("whsec_someoneelse", BODY), "user.created", "d-1", BODY),
                "invalid_signature");
    }

    @Test
    void timestampOutsideToleranceIsRefusedBothWays() {
        String signature = signed(SECRET, BODY);
        clock.advance(Duration.ofSeconds(301));
        assertRefused(handler(SECRET).handle(signature, "user.created", "d-1", BODY), "stale_timestamp");
        String future = WebhookVerifier.sign(SECRET, clock.instant().plusSeconds(301).getEpochSecond(), BODY);
        assertRefused(handler(SECRET).handle(future, "user.created", "d-1", BODY), "stale_timestamp");
    }

    @Test
    void timestampWithinToleranceIsAccepted() {
        String signature = signed(SECRET, BODY);
        clock.advance(Duration.ofSeconds(300));
        assertEquals(200, handler(SECRET).handle(signature, "user.created", "d-1", BODY).status());
    }

    @Test
    void replayedDeliveryIdIsAcknowledgedButNotObservedAgain() {
        WebhookHandler handler = handler(SECRET);
        assertEquals("ok", handler.handle(signed(SECRET, BODY), "user.created", "d-1", BODY).code());
        clock.advance(Duration.ofSeconds(60)); // Signward's retry is signed anew
        WebhookHandler.Outcome again = handler.handle(signed(SECRET, BODY), "user.created", "d-1", BODY);
        assertEquals(new WebhookHandler.Outcome(200, "duplicate"), again);
        assertEquals(1, observed.size());
    }

    @Test
    void eitherSecretWorksDuringRotation() {
        WebhookHandler handler = handler(SECRET, OLD_SECRET);
        assertEquals(200, handler.handle(signed(OLD_SECRET, BODY), "user.created", "d-1", BODY).status());
        assertEquals(200, handler.handle(signed(SECRET, BODY), "user.created", "d-2", BODY).status());
        assertEquals(2, observed.size());
    }

    @Test
    void severalV1SignaturesMatchWhenOneDoes() {
        String header = "t=" + clock.instant().getEpochSecond() + ",v1=" + "00".repeat(32) + ",v1="
                + signed(SECRET, BODY).split("v1=")[1];
        assertEquals(200, handler(SECRET).handle(header, "user.created", "d-1", BODY).status());
    }

    @Test
    void malformedOrMissingSignatureIsRefused() {
        WebhookHandler handler = handler(SECRET);
        assertRefused(handler.handle(null, "user.created", "d-1", BODY), "missing_signature");
        assertRefused(handler.handle("v1=abcd", "user.created", "d-1", BODY), "malformed_signature");
        assertRefused(handler.handle("t=12,v1=zz", "user.created", "d-1", BODY), "malformed_signature");
        assertRefused(handler.handle("t=12,t=13,v1=00", "user.created", "d-1", BODY), "malformed_signature");
    }

    @Test
    void missingHeadersAndNonObjectBodiesAreRefused() {
        WebhookHandler handler = handler(SECRET);
        assertRefused(handler.handle(signed(SECRET, BODY), null, "d-1", BODY), "missing_header");
        assertRefused(handler.handle(signed(SECRET, BODY), "user.created", "bad id\n", BODY), "missing_header");
        byte[] array = "[1,2]".getBytes(StandardCharsets.UTF_8);
        assertRefused(handler.handle(signed(SECRET, array), "user.created", "d-1", array), "invalid_body");
    }

    @Test
    void oversizedBodyIs413WithoutReadingItAll() {
        assertEquals(WebhookRejectedException.Reason.BODY_TOO_LARGE, assertThrows(WebhookRejectedException.class,
                () -> WebhookHandler.readBody(new ByteArrayInputStream(new byte[0]), 2L * 1024 * 1024)).reason());
        byte[] big = new byte[WebhookHandler.MAX_BODY_BYTES + 1];
        assertEquals(413, assertThrows(WebhookRejectedException.class,
                () -> WebhookHandler.readBody(new ByteArrayInputStream(big), -1)).reason().status());
        assertEquals(413, handler(SECRET).handle(signed(SECRET, big), "user.created", "d-1", big).status());
    }

    @Test
    void bodyOfExactlyTheLimitIsRead() throws Exception {
        byte[] limit = new byte[WebhookHandler.MAX_BODY_BYTES];
        assertArrayEquals(limit, WebhookHandler.readBody(new ByteArrayInputStream(limit), limit.length));
    }

    @Test
    void observerFailureIs500AndTheRetryIsProcessed() {
        WebhookHandler handler = handler(SECRET);
        observerFailure = new IllegalStateException("database down");
        assertEquals(new WebhookHandler.Outcome(500, "observer_failed"),
                handler.handle(signed(SECRET, BODY), "user.created", "d-1", BODY));
        observerFailure = null;
        assertEquals("ok", handler.handle(signed(SECRET, BODY), "user.created", "d-1", BODY).code());
        assertEquals(1, observed.size());
    }

    @Test
    void deliveryLogForgetsAfterItsTtlAndKeepsItsBound() {
        InMemoryDeliveryLog log = new InMemoryDeliveryLog(Duration.ofMinutes(10), 2);
        assertTrue(log.claim("a", clock.instant()));
        assertEquals(false, log.claim("a", clock.instant()));
        assertTrue(log.claim("a", clock.instant().plus(Duration.ofMinutes(11))));
        assertTrue(log.claim("b", clock.instant().plus(Duration.ofMinutes(11))));
        assertTrue(log.claim("c", clock.instant().plus(Duration.ofMinutes(11)))); // "a" pushed out
        assertTrue(log.claim("a", clock.instant().plus(Duration.ofMinutes(11))));
    }

    @Test
    void verifierRequiresASecret() {
        assertThrows(IllegalArgumentException.class,
                () -> new WebhookVerifier(List.of(), WebhookVerifier.DEFAULT_TOLERANCE, clock));
        assertThrows(IllegalArgumentException.class,
                () -> new WebhookVerifier(List.of(" "), WebhookVerifier.DEFAULT_TOLERANCE, clock));
    }

    private void assertRefused(WebhookHandler.Outcome outcome, String code) {
        assertEquals(new WebhookHandler.Outcome(400, code), outcome);
        assertTrue(observed.isEmpty(), "no observer is called for a refused delivery");
    }
}
