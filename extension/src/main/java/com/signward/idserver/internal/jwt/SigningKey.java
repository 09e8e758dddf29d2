package com.signward.idserver.internal.jwt;

import java.security.Key;
import java.util.Objects;

/**
 * One verification key from the JWKS.
 *
 * @param kid   the key id, or null
 * @param kty   {@code RSA}, {@code EC}, {@code OKP} or {@code oct}
 * @param curve the curve ({@code P-256}, {@code Ed25519}, ...) for EC and OKP keys, else null
 * @param alg   the key's {@code alg}, or null when the JWKS gives none
 * @param key   a {@link java.security.PublicKey}, or a {@link javax.crypto.SecretKey} for {@code oct}
 */
public record SigningKey(String kid, String kty, String curve, String alg, Key key) {
    public SigningKey {
        Objects.requireNonNull(kty, "kty");
        Objects.requireNonNull(key, "key");
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", kty=" + kty + ", curve=" + curve + ", alg=" + alg + "]";
    }
}
