package com.signward.idserver.internal.jwt;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import javax.crypto.spec.SecretKeySpec;

/**
 * Keys for tokens the provider issues to this client (ID and logout tokens): HS256/384/512 with the octets of the
 * client secret (OpenID Connect Core §10.1), anything else from the JWKS. A {@code kty: oct} key of the JWKS never
 * verifies these tokens.
 */
public final class ClientSecretKeys implements KeyResolver {

    private final byte[] secret;
    private final KeyResolver jwks;

    /**
     * @param clientSecret the client secret, or {@code null} for a public client (then HS* is refused)
     * @param jwks         the provider's published keys
     */
    public ClientSecretKeys(String clientSecret, KeyResolver jwks) {
        this.secret = clientSecret == null ? null : clientSecret.getBytes(StandardCharsets.UTF_8);
        this.jwks = Objects.requireNonNull(jwks, "jwks");
    }

    @Override
    public SigningKey resolve(CompactJws jws, AlgorithmPolicy policy)
            throws TokenRejectedException, KeysUnavailableException {
        String alg = jws.alg();
        if (!AlgorithmPolicy.SYMMETRIC.contains(alg)) {
            return jwks.resolve(jws, policy);
        }
        if (secret == null) {
            throw Rejections.reject(alg + " needs a client secret, and none is configured");
        }
        SigningKey key = new SigningKey(null, "oct", null, null, new SecretKeySpec(secret, "Hmac" + alg.substring(2)));
        if (!AlgorithmPolicy.longEnough(key, alg)) {
            throw Rejections.reject("the client secret is too short to verify an " + alg + " token (at least "
                    + Integer.parseInt(alg.substring(2)) / 8 + " bytes are required)");
        }
        return key;
    }
}
