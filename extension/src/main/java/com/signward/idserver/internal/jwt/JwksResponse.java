package com.signward.idserver.internal.jwt;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A fetched JWKS document.
 *
 * @param body   the JSON text of the key set
 * @param maxAge the {@code Cache-Control: max-age} the server sent, if any
 */
public record JwksResponse(String body, Optional<Duration> maxAge) {
    public JwksResponse {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(maxAge, "maxAge");
    }
}
