package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardUser;

import java.util.Objects;

/**
 * What the mechanism decided for one request, kept as a request attribute so that the servlet filter,
 * the JAX-RS filters and the {@code SignwardUser} producer see the same answer on every runtime.
 *
 * @param user      the authenticated user, or the anonymous user
 * @param realm     realm for {@code WWW-Authenticate} challenges
 * @param rejection why a presented credential was rejected (names the rule), or {@code null}
 * @param status    401 for a rejected token, 503 when Signward could not be reached to check it
 * @param loginRedirect where to send an anonymous browser (browser login on, request able to follow a redirect),
 *                  or {@code null}
 * @param resourceMetadata the absolute URL of the RFC 9728 document for the challenges' {@code resource_metadata},
 *                  or {@code null}
 */
public record AuthOutcome(SignwardUser user, String realm, String rejection, int status, String loginRedirect,
                          String resourceMetadata) {

    /** Request attribute name. */
    public static final String ATTRIBUTE = AuthOutcome.class.getName();

    /**
     * Request attribute holding the {@code WebLogin} that must answer this request in the filter chain (the logout
     * route: invalidating the session inside the authentication mechanism upsets Weld's conversation context on
     * WildFly).
     */
    public static final String WEB_ROUTE_ATTRIBUTE = AuthOutcome.class.getName() + ".webRoute";

    public AuthOutcome {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(realm, "realm");
    }

    static AuthOutcome anonymous(String realm, String loginRedirect) {
        return new AuthOutcome(SignwardUser.anonymous(), realm, null, 0, loginRedirect, null);
    }

    static AuthOutcome authenticated(SignwardUser user, String realm) {
        return new AuthOutcome(user, realm, null, 0, null, null);
    }

    static AuthOutcome rejected(String realm, String reason, int status) {
        return new AuthOutcome(SignwardUser.anonymous(), realm, reason, status, null, null);
    }

    /** The same outcome, naming the protected-resource metadata in its challenges ({@code null}: none). */
    AuthOutcome withResourceMetadata(String url) {
        return new AuthOutcome(user, realm, rejection, status, loginRedirect, url);
    }

    /** A credential was presented and rejected. */
    public boolean rejected() {
        return rejection != null;
    }

    /** Reads the outcome from a request attribute value; {@code null} when the mechanism did not run. */
    public static AuthOutcome from(Object attribute) {
        return attribute instanceof AuthOutcome outcome ? outcome : null;
    }
}
