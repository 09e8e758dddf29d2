package com.signward.idserver.internal.webhook;

import jakarta.json.JsonObject;

import java.time.Instant;

/**
 * A verified, first-seen webhook delivery.
 *
 * @param type       the {@code Signward-Event} header, e.g. {@code user.created}
 * @param deliveryId the {@code Signward-Delivery-Id} header
 * @param timestamp  the signature timestamp
 * @param data       the JSON body
 */
public record WebhookDelivery(String type, String deliveryId, Instant timestamp, JsonObject data) {
}
