package com.signward.idserver.jakarta;

import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * A Signward webhook delivery, verified and seen for the first time, fired as a CDI event when
 * {@code signward.webhooks.enabled=true}. Observe it with {@code @Observes}; narrow to one event type with
 * {@link SignwardEventType}:
 *
 * <pre>{@code
 * void onSignup(@Observes @SignwardEventType("user.created") SignwardEvent event) {
 *     String userId = event.data().getString("user_id", null);
 * }
 * }</pre>
 *
 * Signward gets a 2xx only after every observer returned; an observer that throws makes the endpoint answer 500,
 * and Signward delivers the event again later. Observers run synchronously on the request thread.
 *
 * @param type       the event type ({@code Signward-Event} header), e.g. {@code user.created}
 * @param deliveryId the delivery id ({@code Signward-Delivery-Id} header), the same on every retry
 * @param timestamp  when Signward signed this delivery
 * @param data       the JSON body of the delivery
 */
public record SignwardEvent(String type, String deliveryId, Instant timestamp, JsonObject data) {

    public SignwardEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(data, "data");
    }
}
