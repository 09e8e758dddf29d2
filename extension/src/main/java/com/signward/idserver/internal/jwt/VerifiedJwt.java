package com.signward.idserver.internal.jwt;

import java.time.Instant;
import java.util.Map;

/**
 * A token whose signature and claim rules passed.
 *
 * @param claims    the payload as plain values (unmodifiable)
 * @param expiresAt {@code exp} + skew, or {@code null} when the token has no {@code exp}
 */
public record VerifiedJwt(Map<String, Object> claims, Instant expiresAt) {
}
