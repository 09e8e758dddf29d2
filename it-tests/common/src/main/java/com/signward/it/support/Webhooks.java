package com.signward.it.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Sends webhook deliveries the way Signward does: POST with {@code Signward-Event}, {@code Signward-Delivery-Id}
 * and {@code Signward-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, signed here independently of
 * the SDK's own code.
 */
public final class Webhooks {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI endpoint;

    /** @param path the endpoint within the deployment, e.g. {@code signward/webhooks} */
    public Webhooks(URL base, String path) {
        String s = base.toExternalForm();
        this.endpoint = URI.create(s.endsWith("/") ? s : s + "/").resolve(path);
    }

    /** The {@code Signward-Signature} value for a body signed with a secret at a time. */
    public static String signature(String secret, Instant at, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((at.getEpochSecond() + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a body signed now with the secret. */
    public Http.Response send(String type, String deliveryId, String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(type, deliveryId, bytes, signature(secret, Instant.now(), bytes));
    }

    /** POSTs a body with the given signature header (tampering, old timestamps). */
    public Http.Response post(String type, String deliveryId, byte[] body, String signature) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Signward-Event", type)
                .header("Signward-Delivery-Id", deliveryId)
                .header("Signward-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.headers().firstValue("WWW-Authenticate"),
                    r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
