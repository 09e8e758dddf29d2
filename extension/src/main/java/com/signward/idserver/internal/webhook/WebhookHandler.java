package com.signward.idserver.internal.webhook;

import com.signward.idserver.internal.metrics.MetricNames;
import com.signward.idserver.internal.metrics.SignwardMetrics;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One webhook request in, one status out: size limit (413), signature and timestamp (400), headers and JSON body
 * (400), then the delivery id — a duplicate is acknowledged (200) without calling the application — and finally the
 * application's observers; 200 only after they returned, 500 when one threw (the delivery id is released, so that
 * Signward's retry is processed). Logs reasons and delivery ids, never the body or a secret. Thread-safe.
 */
public final class WebhookHandler {

    /** Largest body accepted: 1 MiB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final System.Logger LOG = System.getLogger(WebhookHandler.class.getName());
    private static final Pattern HEADER_VALUE = Pattern.compile("[A-Za-z0-9._:\\-]{1,200}");

    /**
     * What to answer.
     *
     * @param status the HTTP status
     * @param code   {@code ok}, {@code duplicate}, {@code observer_failed} or a rejection's code
     */
    public record Outcome(int status, String code) {
    }

    private final WebhookVerifier verifier;
    private final DeliveryLog deliveries;
    private final Consumer<WebhookDelivery> observers;
    private final Clock clock;

    /** @param observers hands a delivery to the application (fires the CDI event); may throw */
    public WebhookHandler(WebhookVerifier verifier, DeliveryLog deliveries, Consumer<WebhookDelivery> observers,
                          Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.observers = Objects.requireNonNull(observers, "observers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param signature  the {@code Signward-Signature} header, or {@code null}
     * @param type       the {@code Signward-Event} header, or {@code null}
     * @param deliveryId the {@code Signward-Delivery-Id} header, or {@code null}
     * @param body       the body, at most {@link #MAX_BODY_BYTES} read (see {@link #readBody})
     */
    public Outcome handle(String signature, String type, String deliveryId, byte[] body) {
        Outcome outcome = decide(signature, type, deliveryId, body);
        SignwardMetrics.count(MetricNames.WEBHOOKS, "outcome", outcome.code());
        return outcome;
    }

    private Outcome decide(String signature, String type, String deliveryId, byte[] body) {
        WebhookDelivery delivery;
        try {
            if (body.length > MAX_BODY_BYTES) {
                throw new WebhookRejectedException(WebhookRejectedException.Reason.BODY_TOO_LARGE);
            }
            delivery = new WebhookDelivery(header(type), header(deliveryId), verifier.verify(signature, body),
                    json(body));
        } catch (WebhookRejectedException e) {
            return refuse(e.reason(), deliveryId);
        }
        if (!deliveries.claim(delivery.deliveryId(), clock.instant())) {
            LOG.log(Level.DEBUG, "Signward webhook {0}: delivery {1} already processed", delivery.type(),
                    delivery.deliveryId());
            return new Outcome(200, "duplicate");
        }
        try {
            observers.accept(delivery);
        } catch (RuntimeException e) {
            deliveries.release(delivery.deliveryId());
            LOG.log(Level.WARNING, "Signward webhook " + delivery.type() + ": an observer of delivery "
                    + delivery.deliveryId() + " failed; answered 500 so that Signward retries", e);
            return new Outcome(500, "observer_failed");
        }
        return new Outcome(200, "ok");
    }

    /**
     * Reads a request body, refusing more than {@link #MAX_BODY_BYTES} without reading it all.
     *
     * @param declaredLength the {@code Content-Length}, or -1
     * @throws WebhookRejectedException {@code BODY_TOO_LARGE}
     */
    public static byte[] readBody(InputStream in, long declaredLength) throws IOException, WebhookRejectedException {
        if (declaredLength > MAX_BODY_BYTES) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.BODY_TOO_LARGE);
        }
        byte[] read = in.readNBytes(MAX_BODY_BYTES + 1);
        if (read.length > MAX_BODY_BYTES) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.BODY_TOO_LARGE);
        }
        return read;
    }

    /** The outcome of a request refused before {@link #handle} (e.g. by {@link #readBody}), logged like others. */
    public static Outcome rejected(WebhookRejectedException.Reason reason, String deliveryId) {
        SignwardMetrics.count(MetricNames.WEBHOOKS, "outcome", reason.code());
        return refuse(reason, deliveryId);
    }

    private static Outcome refuse(WebhookRejectedException.Reason reason, String deliveryId) {
        String id = deliveryId != null && HEADER_VALUE.matcher(deliveryId).matches() ? deliveryId : "(none)";
        LOG.log(Level.WARNING, "Signward webhook refused ({0}): {1}; delivery {2}", reason.status(),
                reason.description(), id);
        return new Outcome(reason.status(), reason.code());
    }

    private static String header(String value) throws WebhookRejectedException {
        if (value == null || !HEADER_VALUE.matcher(value).matches()) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MISSING_HEADER);
        }
        return value;
    }

    private static JsonObject json(byte[] body) throws WebhookRejectedException {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.INVALID_BODY);
        }
    }

}
