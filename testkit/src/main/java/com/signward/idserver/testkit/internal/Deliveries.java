package com.signward.idserver.testkit.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the provider sends on its own: back-channel logout tokens and signed webhook events. */
public final class Deliveries {

    /** Signward acknowledges a delivery answered with a 2xx within this time. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** HTTP/1.1 as Signward sends: the JDK client's h2c upgrade of a POST can hang on some servers (Open Liberty). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    private Deliveries() {
    }

    /** OIDC Back-Channel Logout 1.0 §2.5: POST {@code logout_token=…} (form); the status of the answer. */
    public static int backchannelLogout(URI target, String logoutToken) {
        return send(HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + Call.encode(logoutToken))).build());
    }

    /**
     * A webhook event as Signward delivers it: the JSON body, {@code Signward-Event}, {@code Signward-Delivery-Id}
     * and {@code Signward-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the secret>}.
     */
    public static int webhook(URI target, String secret, String type, String body, long timestamp) {
        return send(HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Signward-Event", type)
                .header("Signward-Delivery-Id", UUID.randomUUID().toString())
                .header("Signward-Signature", "t=" + timestamp + ",v1=" + signature(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** The hex HMAC-SHA256 of {@code "<timestamp>.<body>"} keyed with the subscription secret (UTF-8 bytes). */
    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("delivery to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("delivery interrupted", e);
        }
    }
}
