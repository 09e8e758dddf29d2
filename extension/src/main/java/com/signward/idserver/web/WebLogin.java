package com.signward.idserver.web;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.internal.oidc.OidcCore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Browser login with the Authorization Code flow, PKCE and the HTTP session, using the Servlet API only. An
 * authentication mechanism (or a filter) delegates to it:
 * <pre>{@code
 * if (webLogin.handleRoute(request, response)) { ... the response is written ... }
 * Optional<SignwardUser> user = webLogin.sessionUser(request);          // then log the user in
 * if (no user && protected) {
 *     if (WebLogin.acceptsRedirect(request)) webLogin.redirectToLogin(request, response); else answer 401;
 * }
 * }</pre>
 * Follows OpenID Connect Core (state, nonce, ID token validation §3.1.3.7, refresh §12.2), RFC 9700 (PKCE S256,
 * one-use state bound to the session, exact redirect URI, session id changed at login, no open redirect) and
 * RFC 9207 (issuer in the authorization response). Codes, tokens and secrets never reach a log line or a page.
 * Thread-safe: one instance serves the whole application.
 */
public final class WebLogin {

    private static final Duration REFRESH_RESULT_KEPT = Duration.ofSeconds(60);
    private static final Duration REFRESH_FAILURE_BACKOFF = Duration.ofSeconds(10);
    private static final int MAX_REMEMBERED_REFRESHES = 10_000;

    private final WebLoginSettings settings;
    private final SessionStore store;
    private final LoginRoutes routes;
    private final TokenRefresher refresher;
    private final Clock clock;

    /**
     * @param core     the provider of the application's client configuration (client id, secret, scopes, skew)
     * @param toUser   maps the session's claims to the user (the configured role claims)
     * @param settings the routes and limits
     * @throws IllegalArgumentException when the login cannot work with these options (no {@code openid} scope)
     */
    public WebLogin(OidcCore core, Function<Map<String, Object>, SignwardUser> toUser, WebLoginSettings settings) {
        Objects.requireNonNull(core, "core");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = core.clock();
        if (settings.scopes().isEmpty() && !core.config().scopes().contains("openid")) {
            throw new IllegalArgumentException("the browser login needs the openid scope; add it to the scopes");
        }
        LoginCompletion completion = new LoginCompletion(core, toUser, settings.fetchUserinfo(), clock);
        this.store = new SessionStore(settings.maxPendingLogins(), settings.pendingLoginTtl());
        this.routes = new LoginRoutes(core, settings, store, completion, clock);
        Duration wait = core.config().timeout().multipliedBy(3);
        this.refresher = new TokenRefresher(completion::refresh, wait, REFRESH_RESULT_KEPT, REFRESH_FAILURE_BACKOFF,
                MAX_REMEMBERED_REFRESHES, clock);
    }

    /** @return the settings in use */
    public WebLoginSettings settings() {
        return settings;
    }

    /**
     * Handles the login, callback and logout routes (paths relative to the context path).
     *
     * @return {@code true} when the request was one of them and the response has been written
     */
    public boolean handleRoute(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathWithinApplication(request);
        if (path.equals(settings.loginPath())) {
            routes.login(request, response);
        } else if (path.equals(settings.callbackPath())) {
            routes.callback(request, response);
        } else if (path.equals(settings.logoutPath())) {
            routes.logout(request, response);
        } else {
            return false;
        }
        return true;
    }

    /** Whether the request is for the logout route (path relative to the context path). */
    public boolean isLogoutRoute(HttpServletRequest request) {
        return pathWithinApplication(request).equals(settings.logoutPath());
    }

    /**
     * The session's user, refreshing tokens first when the access token expires within the margin (one refresh
     * per session at a time; concurrent requests share it). When a refresh fails transiently the current user is
     * kept; when the access token has expired and cannot be refreshed, or the refresh is refused
     * ({@code invalid_grant}), the local login is removed.
     *
     * @return the user, or empty when the session has no login (any more)
     */
    public Optional<SignwardUser> sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        SessionLogin login = session == null ? null : store.login(session);
        if (login == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!login.refreshDue(now, settings.refreshMargin())) {
            return Optional.of(login.user());
        }
        if (login.refreshToken() == null) {
            if (login.expired(now)) {
                store.removeLogin(session, login);
                return Optional.empty();
            }
            return Optional.of(login.user());
        }
        TokenRefresher.Outcome outcome = refresher.refresh(login);
        switch (outcome.result()) {
            case REFRESHED:
                store.replaceLogin(session, login, outcome.login());
                return Optional.of(outcome.login().user());
            case ENDED:
                store.removeLogin(session, login);
                return Optional.empty();
            default:
                return Optional.of(login.user());
        }
    }

    /**
     * Whether the request can follow a redirect to the login page: no {@code Authorization: Bearer} header, no
     * {@code X-Requested-With: XMLHttpRequest}, and an {@code Accept} header that contains {@code text/html}.
     */
    public static boolean acceptsRedirect(HttpServletRequest request) {
        return RedirectPolicy.acceptsRedirect(Collections.list(request.getHeaders("Authorization")),
                request.getHeader("X-Requested-With"), Collections.list(request.getHeaders("Accept")));
    }

    /**
     * Sends the browser (302) to the login route, remembering the requested URL (path within the application and
     * query) as {@code returnTo}; an unsafe URL is replaced by the post-login redirect.
     */
    public void redirectToLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.redirect(response, HttpServletResponse.SC_FOUND, loginRedirectPath(request));
    }

    /**
     * The login route with the requested URL (path and query, same origin only) as {@code returnTo}:
     * where {@link #redirectToLogin} sends the browser.
     */
    public String loginRedirectPath(HttpServletRequest request) {
        String requested = pathWithinApplication(request);
        String query = request.getQueryString();
        String target = ReturnTarget.parse(query == null ? requested : requested + "?" + query)
                .orElse(settings.postLoginRedirect());
        return request.getContextPath() + settings.loginPath() + "?returnTo="
                + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    /**
     * The request path below the context path, as sent (not decoded), without path parameters such as
     * {@code ;jsessionid=…}.
     */
    static String pathWithinApplication(HttpServletRequest request) {
        return RedirectPolicy.pathWithinApplication(request.getRequestURI(), request.getContextPath());
    }

    @Override
    public String toString() {
        return "WebLogin" + settings.toString().substring("WebLoginSettings".length());
    }
}
