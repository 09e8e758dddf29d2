package com.signward.idserver.web;

import com.signward.idserver.SignwardOptions;
import com.signward.idserver.SignwardUser;
import com.signward.idserver.internal.oidc.OidcCore;
import com.signward.idserver.web.state.StateStore;
import com.signward.idserver.web.state.StateStores;
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
 * Sessions end when Signward says so: an OAuth error answer to a refresh, a back-channel logout (OpenID Connect
 * Back-Channel Logout 1.0, seen by every node through the {@link StateStore}), the maximum age, or failing refreshes
 * beyond the access token's expiry plus the grace. Thread-safe: one instance serves the whole application.
 */
public final class WebLogin {

    private static final Duration REFRESH_RESULT_KEPT = Duration.ofSeconds(60);
    private static final Duration REFRESH_FAILURE_BACKOFF = Duration.ofSeconds(10);
    private static final int MAX_REMEMBERED_REFRESHES = 10_000;

    /** Request attribute holding why an unsafe request of the session was refused (see {@link #csrfRefusal}). */
    public static final String CSRF_REFUSAL_ATTRIBUTE = WebLogin.class.getName() + ".csrfRefusal";
    private static final System.Logger LOG = System.getLogger(WebLogin.class.getName());

    private final WebLoginSettings settings;
    private final SessionStore store;
    private final LoginRoutes routes;
    private final TokenRefresher refresher;
    private final SessionLifetime lifetime;
    private final LogoutMarkers markers;
    private final BackchannelLogout backchannel;
    private final CsrfGuard csrf;
    private final Clock clock;
    private final String tenant;

    /**
     * @param core     the provider of the application's client configuration (client id, secret, scopes, skew)
     * @param toUser   maps the session's claims to the user (the configured role claims)
     * @param settings the routes and limits
     * @throws IllegalArgumentException when the login cannot work with these options (no {@code openid} scope)
     */
    public WebLogin(OidcCore core, Function<Map<String, Object>, SignwardUser> toUser, WebLoginSettings settings) {
        this(core, toUser, settings, openStateStore(settings, core.clock()));
    }

    /**
     * @param state where logout markers, the logout-token replay cache and refresh leases live (shared by the
     *              cluster's nodes when distributed)
     */
    public WebLogin(OidcCore core, Function<Map<String, Object>, SignwardUser> toUser, WebLoginSettings settings,
                    StateStore state) {
        this(core, toUser, settings, state, SignwardOptions.DEFAULT_TENANT);
    }

    /**
     * One tenant's login when an application has several Signward configurations: they share the routes, the
     * session attributes and the state store; an attempt is completed, and a session's login refreshed, only by
     * the login of the tenant it started with.
     *
     * @param tenant the tenant configuration's name ({@link SignwardUser#tenantName()} of the users {@code toUser}
     *               builds)
     */
    public WebLogin(OidcCore core, Function<Map<String, Object>, SignwardUser> toUser, WebLoginSettings settings,
                    StateStore state, String tenant) {
        Objects.requireNonNull(core, "core");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = core.clock();
        if (settings.scopes().isEmpty() && !core.config().scopes().contains("openid")) {
            throw new IllegalArgumentException("the browser login needs the openid scope; add it to the scopes");
        }
        SessionSettings session = settings.session();
        this.lifetime = SessionLifetime.of(settings);
        LoginCompletion completion = new LoginCompletion(core, toUser, settings.fetchUserinfo(), lifetime, clock);
        SessionSeal seal = new SessionSeal(session.encryptionKey());
        this.store = new SessionStore(settings.maxPendingLogins(), settings.pendingLoginTtl(), seal);
        this.csrf = new CsrfGuard(session.csrfEnabled(), settings.publicBaseUrl(), session.csrfAllowedOrigins());
        this.routes = new LoginRoutes(core, settings, store, completion, csrf, clock, tenant);
        this.markers = new LogoutMarkers(state, core.config().clientId(), markerTtl(settings), clock);
        this.backchannel = new BackchannelLogout(core, markers, session.logoutTokenMaxAge(), clock);
        Duration wait = core.config().timeout().multipliedBy(3);
        this.refresher = new TokenRefresher(completion::refresh, markers.refreshLease(wait), wait,
                REFRESH_RESULT_KEPT, REFRESH_FAILURE_BACKOFF, MAX_REMEMBERED_REFRESHES, clock);
    }

    /**
     * Opens the store the settings ask for ({@code signward.state.store}) and logs which one it is.
     *
     * @throws IllegalStateException when JCache is required but not available
     */
    public static StateStore openStateStore(WebLoginSettings settings, Clock clock) {
        StateStore store = StateStores.open(settings.session().stateStore(), markerTtl(settings), clock);
        LOG.log(System.Logger.Level.INFO, "Signward login: session state store: {0}; tokens in the session {1}",
                store.describe(), settings.session().encryptionKey() != null ? "sealed with AES-GCM"
                        : "not encrypted (set signward.session.encryption-key when sessions are replicated)");
        return store;
    }

    /** A logout marker must outlive every login it can end. */
    private static Duration markerTtl(WebLoginSettings settings) {
        return settings.sessionMaxAge().plus(settings.session().logoutTokenMaxAge());
    }

    /** @return the store of the shared state (logout markers, replay cache, refresh leases) */
    public StateStore stateStore() {
        return markers.store();
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
        } else if (path.equals(settings.backchannelLogoutPath())) {
            backchannel.handle(request, response);
        } else {
            return false;
        }
        return true;
    }

    /** @return the tenant configuration this login belongs to */
    public String tenant() {
        return tenant;
    }

    /**
     * Which tenant's login the session says handles this request: on the callback route the tenant the attempt
     * named by {@code state} started with; elsewhere the tenant of the session's login. Reads, never changes.
     *
     * @return the tenant name, or {@code null} when the session names none
     */
    public String sessionTenant(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        if (pathWithinApplication(request).equals(settings.callbackPath())) {
            return store.pendingTenant(session, request.getParameter("state"));
        }
        SessionLogin login = store.login(session);
        return login == null ? null : login.user().tenantName();
    }

    /** Whether the request is for the login route (path relative to the context path). */
    public boolean isLoginRoute(HttpServletRequest request) {
        return pathWithinApplication(request).equals(settings.loginPath());
    }

    /** Whether the request is for the back-channel logout route (path relative to the context path). */
    public boolean isBackchannelLogoutRoute(HttpServletRequest request) {
        return pathWithinApplication(request).equals(settings.backchannelLogoutPath());
    }

    /** Whether the request is for the logout route (path relative to the context path). */
    public boolean isLogoutRoute(HttpServletRequest request) {
        return pathWithinApplication(request).equals(settings.logoutPath());
    }

    /**
     * The session's user, refreshing tokens first when the access token expires within the margin (one refresh
     * per login at a time, cluster-wide; concurrent requests share it). The login is removed, and the request is
     * anonymous, when a back-channel logout named it, when it is older than the maximum age, when Signward answers
     * the refresh with an OAuth error, when the refreshed tokens do not fit it, or when refreshing keeps failing
     * past the access token's expiry plus the grace (or there is no refresh token and the access token expired).
     *
     * @return the user, or empty when the session has no login (any more)
     */
    public Optional<SignwardUser> sessionUser(HttpServletRequest request) {
        return currentLogin(request).map(SessionLogin::user);
    }

    /**
     * The session's access token for calls to other services, refreshed first as {@link #sessionUser} does (the
     * same single-flight refresh). Never the ID token or the refresh token.
     *
     * @return the access token, or empty when the session has no login or its access token has expired
     */
    public Optional<String> sessionAccessToken(HttpServletRequest request) {
        return currentLogin(request).filter(login -> !login.expired(clock.instant()))
                .map(SessionLogin::accessToken);
    }

    private Optional<SessionLogin> currentLogin(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        SessionLogin login = session == null ? null : store.login(session);
        if (login == null || !tenant.equals(login.user().tenantName())) {
            return Optional.empty(); // no login, or another tenant's: never refreshed or checked here
        }
        Instant now = clock.instant();
        if (markers.loggedOut(login)) {
            return end(session, login, "a back-channel logout ended it");
        }
        if (lifetime.tooOld(login, now)) {
            return end(session, login, "it reached signward.session.max-age");
        }
        if (!login.refreshDue(now, settings.refreshMargin())) {
            return Optional.of(login);
        }
        if (login.refreshToken() == null) {
            return login.expired(now) ? end(session, login, "its access token expired and there is no refresh "
                    + "token") : Optional.of(login);
        }
        TokenRefresher.Outcome outcome = refresher.refresh(login);
        switch (outcome.result()) {
            case REFRESHED:
                store.replaceLogin(session, login, outcome.login());
                return Optional.of(outcome.login());
            case ENDED:
                return end(session, login, null);
            default:
                return lifetime.graceOver(login, now)
                        ? end(session, login, "refreshing failed past the access token's expiry plus the grace")
                        : Optional.of(login);
        }
    }

    private Optional<SessionLogin> end(HttpSession session, SessionLogin login, String why) {
        if (why != null) {
            LOG.log(System.Logger.Level.INFO, "Signward login: the login of {0} ends: {1}", login.subject(), why);
        }
        store.removeLogin(session, login);
        return Optional.empty();
    }

    /**
     * The same-origin check of a request authenticated by the session (call it only for those, never for bearer
     * calls): POST, PUT, PATCH and DELETE need {@code Sec-Fetch-Site: same-origin|none} or a matching
     * {@code Origin} unless {@code signward.csrf.enabled=false}.
     *
     * @return why the request must be refused (403), or empty
     */
    public Optional<String> csrfRefusal(HttpServletRequest request) {
        return csrf.refusal(request);
    }

    /** Answers 403 for a refused cross-site request: a small HTML page for browsers, else a JSON error. */
    public static void refuseCrossSite(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        Responses.write(request, response, LoginException.crossSite(reason), null);
    }

    /** Answers 400 for a login that cannot start: a small HTML page for browsers, else a JSON error. */
    public static void refuseLogin(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        Responses.write(request, response, LoginException.badRequest(reason), null);
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
