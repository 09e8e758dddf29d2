package com.signward.it.support;

import jakarta.json.JsonObject;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Assertions on what a client of a Signward-protected API sees (RFC 6750 answers, small JSON bodies). */
public final class Expect {

    private static final Pattern REALM = Pattern.compile("^Bearer realm=\"[^\"]*\"");
    private static final Pattern ERROR_DESCRIPTION = Pattern.compile("error_description=\"[^\"]+\"");

    private Expect() {
    }

    /** 200 with a JSON object body. */
    public static JsonObject ok(Http.Response r) {
        assertEquals(200, r.status(), r::describe);
        return r.json();
    }

    /** 401 for a request without a credential: {@code WWW-Authenticate: Bearer realm="…"}, no error code. */
    public static void authenticationRequired(Http.Response r) {
        assertEquals(401, r.status(), r::describe);
        String challenge = r.wwwAuthenticate().orElseGet(() -> fail("no WWW-Authenticate header: " + r.describe()));
        assertTrue(REALM.matcher(challenge).find(), () -> "not a Bearer realm challenge: " + r.describe());
        assertFalse(challenge.contains("error="), () -> "no credential was sent, yet an error code: " + r.describe());
        jsonError(r);
    }

    /**
     * 401 for a rejected token: {@code WWW-Authenticate: Bearer …error="invalid_token", error_description="…"},
     * and neither the header nor the body repeats the token.
     */
    public static void invalidToken(Http.Response r, String token) {
        assertEquals(401, r.status(), r::describe);
        String challenge = r.wwwAuthenticate().orElseGet(() -> fail("no WWW-Authenticate header: " + r.describe()));
        assertTrue(challenge.startsWith("Bearer ") && challenge.contains("error=\"invalid_token\"")
                && ERROR_DESCRIPTION.matcher(challenge).find(), () -> "not an invalid_token challenge: " + r.describe());
        assertEquals("invalid_token", jsonError(r), r::describe);
        for (String part : token.split("\\.")) {
            if (part.length() >= 8) {
                assertFalse(challenge.contains(part), () -> "the challenge repeats the token: " + challenge);
                assertFalse(r.body().contains(part), () -> "the body repeats the token: " + r.body());
            }
        }
    }

    /** As {@link #invalidToken(Http.Response, String)}, and the description names {@code rule}. */
    public static void invalidToken(Http.Response r, String token, String rule) {
        invalidToken(r, token);
        assertTrue(r.wwwAuthenticate().orElse("").contains(rule), () -> "the challenge does not name '" + rule
                + "': " + r.describe());
    }

    /**
     * 503 for a token that could not be checked because Signward's keys are unavailable: {@code Retry-After}, a
     * {@code temporarily_unavailable} JSON error, no {@code invalid_token} challenge.
     */
    public static void unavailable(Http.Response r) {
        assertEquals(503, r.status(), r::describe);
        assertTrue(r.retryAfter().isPresent(), () -> "no Retry-After: " + r.describe());
        assertFalse(r.wwwAuthenticate().orElse("").contains("invalid_token"), () -> "not a token problem: "
                + r.describe());
        assertEquals("temporarily_unavailable", jsonError(r), r::describe);
    }

    /** 403 with a small JSON body. */
    public static void forbidden(Http.Response r) {
        assertEquals(403, r.status(), r::describe);
        jsonError(r);
    }

    /** The body is a small JSON object with an {@code error} string; returns it. */
    private static String jsonError(Http.Response r) {
        assertTrue(r.contentType().startsWith("application/json"), () -> "not JSON: " + r.describe());
        assertTrue(r.body().length() < 1024, () -> "body too large for an error: " + r.describe());
        JsonObject json = r.json();
        assertTrue(json.containsKey("error"), () -> "no error in the body: " + r.describe());
        return json.getString("error");
    }
}
