package com.signward.idserver.internal.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Checks the {@code Signward-Signature} header of a webhook request: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}
 * (several {@code v1} allowed, other schemes ignored). The MAC is computed over {@code "<t>." + body} with each
 * configured secret (its UTF-8 bytes, {@code whsec_} prefix included), compared in constant time; the timestamp must
 * lie within the tolerance of now, in either direction. Immutable and thread-safe; never logs or reveals a secret.
 */
public final class WebhookVerifier {

    /** Signward's tolerance for the signature timestamp. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_HEADER_LENGTH = 4096;

    private final List<SecretKeySpec> secrets;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * @param secrets   the subscription secrets, current and previous (rotation); at least one
     * @param tolerance how far the signature timestamp may be from now
     */
    public WebhookVerifier(List<String> secrets, Duration tolerance, Clock clock) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook secret is required");
        }
        List<SecretKeySpec> keys = new ArrayList<>();
        for (String secret : secrets) {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("a webhook secret is empty");
            }
            keys.add(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        }
        this.secrets = List.copyOf(keys);
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return the signature timestamp of a request signed by one of the secrets within the tolerance
     * @throws WebhookRejectedException when the header is missing or malformed, no signature matches, or the
     *                                  timestamp is outside the tolerance
     */
    public Instant verify(String header, byte[] body) throws WebhookRejectedException {
        Objects.requireNonNull(body, "body");
        Parsed parsed = parse(header);
        for (SecretKeySpec secret : secrets) {
            byte[] expected = mac(secret, parsed.timestamp(), body);
            for (byte[] candidate : parsed.signatures()) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return checkTime(parsed.timestamp());
                }
            }
        }
        throw new WebhookRejectedException(WebhookRejectedException.Reason.SIGNATURE_MISMATCH);
    }

    /** Signs like Signward does: the header value for a body at a time (tests, tools). */
    public static String sign(String secret, long unixSeconds, byte[] body) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac(key, Long.toString(unixSeconds), body));
    }

    private Instant checkTime(String timestamp) throws WebhookRejectedException {
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        Duration offset = Duration.between(signedAt, clock.instant()).abs();
        if (offset.compareTo(tolerance) > 0) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.TIMESTAMP_OUT_OF_TOLERANCE);
        }
        return signedAt;
    }

    private record Parsed(String timestamp, List<byte[]> signatures) {
    }

    private static Parsed parse(String header) throws WebhookRejectedException {
        if (header == null || header.isBlank() || header.length() > MAX_HEADER_LENGTH) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MISSING_SIGNATURE);
        }
        String timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw malformed();
            }
            String name = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (name.equals("t")) {
                if (timestamp != null || !value.matches("\\d{1,12}")) {
                    throw malformed();
                }
                timestamp = value;
            } else if (name.equals("v1")) {
                try {
                    signatures.add(HexFormat.of().parseHex(value));
                } catch (IllegalArgumentException notHex) {
                    throw malformed();
                }
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw malformed();
        }
        return new Parsed(timestamp, signatures);
    }

    private static WebhookRejectedException malformed() {
        return new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED_SIGNATURE);
    }

    private static byte[] mac(SecretKeySpec key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) { // HmacSHA256 is in every JDK
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
