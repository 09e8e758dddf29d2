package com.signward.idserver.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random values for state, nonce and PKCE (RFC 7636 S256), and constant-time comparison. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /** @return 256 random bits as 43 base64url characters */
    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** @return a PKCE verifier of 64 characters (384 random bits) */
    static String codeVerifier() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** @return the S256 code challenge of a verifier */
    static String codeChallenge(String verifier) {
        return BASE64URL.encodeToString(digest("SHA-256", verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /** @return base64url of the left half of the hash (OpenID Connect {@code at_hash}) */
    static String leftHalfHash(String algorithm, String value) {
        byte[] hash = digest(algorithm, value.getBytes(StandardCharsets.US_ASCII));
        byte[] half = new byte[hash.length / 2];
        System.arraycopy(hash, 0, half, 0, half.length);
        return BASE64URL.encodeToString(half);
    }

    /** Compares without leaking the position of the first difference; {@code null} equals nothing. */
    static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] digest(String algorithm, byte[] input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
