package com.signward.idserver.internal.jwt;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which JWS algorithms one kind of token may use, bound to the key: the header names an algorithm; it is accepted
 * only when it is in the allow-list and fits the selected key's type, curve, size and {@code alg}.
 *
 * @param allowed            the algorithms accepted at all
 * @param jwksSymmetricKeys  whether {@code kty: oct} keys published in the JWKS may verify (HS*); off by default
 */
public record AlgorithmPolicy(Set<String> allowed, boolean jwksSymmetricKeys) {

    /** RS256/384/512, PS256/384/512, ES256/384/512 and EdDSA. */
    public static final Set<String> ASYMMETRIC = Set.of(
            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");
    /** HS256/384/512. */
    public static final Set<String> SYMMETRIC = Set.of("HS256", "HS384", "HS512");

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

    /** @throws IllegalArgumentException when an algorithm is unknown or {@code none} */
    public AlgorithmPolicy {
        allowed = Set.copyOf(Objects.requireNonNull(allowed, "allowed"));
        for (String alg : allowed) {
            if (!REQUIREMENTS.containsKey(alg)) {
                throw new IllegalArgumentException("unsupported JWS algorithm " + alg);
            }
        }
    }

    /** Rejects {@code none} and algorithms outside the allow-list. */
    void checkAllowed(String alg) throws TokenRejectedException {
        if ("none".equalsIgnoreCase(alg)) {
            throw Rejections.reject(Rejections.ALG_NONE);
        }
        if (!allowed.contains(alg)) {
            String why = SYMMETRIC.contains(alg) && !jwksSymmetricKeys ? " (symmetric keys are disabled)" : "";
            throw Rejections.reject("algorithm not allowed: " + Rejections.printable(alg) + why);
        }
    }

    /** Whether a JWKS key may verify a signature made with {@code alg}. */
    boolean fits(SigningKey key, String alg) {
        KeyRequirement needed = REQUIREMENTS.get(alg);
        if (needed == null || !needed.kty().equals(key.kty())) {
            return false;
        }
        if (needed.curve() != null && !needed.curve().equals(key.curve())) {
            return false;
        }
        if ("oct".equals(key.kty()) && (!jwksSymmetricKeys || !longEnough(key, alg))) {
            return false;
        }
        return key.alg() == null || key.alg().equals(alg);
    }

    /** An HMAC key must be at least as long as the hash (RFC 7518 §3.2): 256 bits for HS256, 512 for HS512. */
    static boolean longEnough(SigningKey key, String alg) {
        byte[] secret = key.key().getEncoded(); // a copy: wipe it
        if (secret == null) {
            return false;
        }
        int bits = secret.length * 8;
        Arrays.fill(secret, (byte) 0);
        return bits >= Integer.parseInt(alg.substring(2));
    }
}
