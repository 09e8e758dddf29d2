package com.signward.idserver.testkit.internal;

import java.util.Map;

/**
 * A user as the endpoints see it (the public {@code Identity} converted).
 *
 * @param id     the user id ({@code sub})
 * @param label  what the login form shows
 * @param claims the user's claims (with {@code sub})
 */
public record Identity(String id, String label, Map<String, Object> claims) {

    public Identity {
        claims = Map.copyOf(claims);
    }
}
