package com.signward.idserver.token;

import java.util.Arrays;
import java.util.Map;

/**
 * Which JWS algorithm may be used, and with which key. The token header names an algorithm; it is accepted only
 * when it is allowed and fits the selected key's type, curve and {@code alg}: the header alone never decides.
 */
final class AlgorithmPolicy {

    /** The key an algorithm needs: its {@code kty} and, for ECDSA, its curve. */
    private record KeyRequirement(String kty, String curve) {
    }

    private static final Map<String, KeyRequirement> REQUIREMENTS = Map.ofEntries(
            Map.entry("RS256", new KeyRequirement("RSA", null)),
            Map.entry("RS384", new KeyRequirement("RSA", null)),
            Map.entry("RS512", new KeyRequirement("RSA", null)),
            Map.entry("PS256", new KeyRequirement("RSA", null)),
            Map.entry("PS384", new KeyRequirement("RSA", null)),
            Map.entry("PS512", new KeyRequirement("RSA", null)),
            Map.entry("ES256", new KeyRequirement("EC", "P-256")),
            Map.entry("ES384", new KeyRequirement("EC", "P-384")),
            Map.entry("ES512", new KeyRequirement("EC", "P-521")),
            Map.entry("EdDSA", new KeyRequirement("OKP", null)),
            Map.entry("HS256", new KeyRequirement("oct", null)),
            Map.entry("HS384", new KeyRequirement("oct", null)),
            Map.entry("HS512", new KeyRequirement("oct", null)));

    private AlgorithmPolicy() {
    }

    /** Rejects {@code none}, algorithms outside the allow-list, and HMAC unless symmetric keys are allowed. */
    static void checkAllowed(String alg, ValidationSettings settings) throws TokenRejectedException {
        if (alg == null || alg.isEmpty()) {
            throw Rejections.reject(Rejections.MALFORMED + ": no alg header");
        }
        if ("none".equalsIgnoreCase(alg)) {
            throw Rejections.reject(Rejections.ALG_NONE);
        }
        if (ValidationSettings.SYMMETRIC_ALGORITHMS.contains(alg) && !settings.allowSymmetricKeys()) {
            throw Rejections.reject("algorithm not allowed: " + alg + " (symmetric keys are disabled)");
        }
        if (!settings.allowedAlgorithms().contains(alg) || !REQUIREMENTS.containsKey(alg)) {
            throw Rejections.reject("algorithm not allowed: " + Rejections.printable(alg));
        }
    }

    /** Whether {@code key} may verify a signature made with {@code alg}. */
    static boolean fits(SigningKey key, String alg, boolean allowSymmetricKeys) {
        KeyRequirement needed = REQUIREMENTS.get(alg);
        if (needed == null || !needed.kty().equals(key.kty())) {
            return false;
        }
        if (needed.curve() != null && !needed.curve().equals(key.curve())) {
            return false;
        }
        if ("oct".equals(key.kty()) && (!allowSymmetricKeys || !longEnough(key, alg))) {
            return false;
        }
        return key.alg() == null || key.alg().equals(alg);
    }

    /** An HMAC key must be at least as long as the hash (RFC 7518 §3.2): 256 bits for HS256, 512 for HS512. */
    private static boolean longEnough(SigningKey key, String alg) {
        byte[] secret = key.key().getEncoded(); // a copy: wipe it
        if (secret == null) {
            return false;
        }
        int bits = secret.length * 8;
        Arrays.fill(secret, (byte) 0);
        return bits >= Integer.parseInt(alg.substring(2));
    }
}
