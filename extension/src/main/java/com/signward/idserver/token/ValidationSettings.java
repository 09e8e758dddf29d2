package com.signward.idserver.token;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Rules the validator applies to every token, besides issuer and audience which are given per call.
 *
 * @param clockSkew          leeway for {@code exp}, {@code nbf} and {@code iat}
 * @param allowedAlgorithms  JWS algorithms accepted at all (still subject to the key's type and {@code alg})
 * @param allowSymmetricKeys accept HS256/384/512 with {@code kty: oct} keys from the JWKS
 * @param clock              time source (tests move it)
 */
public record ValidationSettings(Duration clockSkew, Set<String> allowedAlgorithms, boolean allowSymmetricKeys,
                                 Clock clock) {
}
