package com.signward.idserver.web;

import com.signward.idserver.internal.metrics.MetricNames;
import com.signward.idserver.internal.metrics.SignwardMetrics;
import com.signward.idserver.internal.oidc.Http;
import com.signward.idserver.internal.oidc.OidcCore;
import com.signward.idserver.internal.oidc.Pkce;
import com.signward.idserver.internal.oidc.ProviderException;
import com.signward.idserver.internal.oidc.ProviderMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The three routes: login (start an attempt and send the browser to Signward), callback (check the
 * authorization response, complete the login, go to the stored target) and logout. Thin servlet glue: the
 * rules live in {@link ReturnTarget}, {@link PendingLogins}, {@link LoginCompletion} and {@link RedirectUris}.
 */
final class LoginRoutes {

    private static final System.Logger LOG = System.getLogger(LoginRoutes.class.getName());
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final OidcCore core;
    private final WebLoginSettings settings;
    private final SessionStore store;
    private final LoginCompletion completion;
    private final RedirectUris redirectUris;
    private final LogoutRevocation revocation;
    private final CsrfGuard csrf;
    private final Clock clock;
    private final String tenant;
    private final AtomicBoolean redirectUriLogged = new AtomicBoolean();
    private final AtomicBoolean postLogoutUriLogged = new AtomicBoolean();

    LoginRoutes(OidcCore core, WebLoginSettings settings, SessionStore store, LoginCompletion completion,
                CsrfGuard csrf, Clock clock, String tenant) {
        this.tenant = tenant;
        this.csrf = csrf;
        this.core = core;
        this.settings = settings;
        this.store = store;
        this.completion = completion;
        this.redirectUris = new RedirectUris(settings.publicBaseUrl());
        this.revocation = new LogoutRevocation(core);
        this.clock = clock;
    }

    /** GET or POST on the login route: {@code returnTo} is kept when it is a safe path, else the default. */
    void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!isMethod(request, "GET") && !isMethod(request, "POST")) {
            Responses.methodNotAllowed(response, "GET, POST");
            return;
        }
        String target = ReturnTarget.parse(request.getParameter("returnTo")).orElse(settings.postLoginRedirect());
        try {
            start(request, response, target);
        } catch (LoginException e) {
            fail(request, response, e);
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response, String target)
            throws LoginException, IOException {
        String redirectUri = redirectUris.absolute(request.getScheme(), request.getServerName(),
                request.getServerPort(), request.getContextPath(), settings.callbackPath());
        metadata(); // loads discovery, so that the discovered authorization endpoint is used
        if (redirectUriLogged.compareAndSet(false, true)) {
            LOG.log(Level.INFO, "Signward login: register this redirect URI for client {0} at Signward: {1}",
                    core.config().clientId(), redirectUri);
        }
        Instant now = clock.instant();
        PendingLogin pending = new PendingLogin(Pkce.newState(), Pkce.newState(), Pkce.newVerifier(),
                redirectUri, target, now, tenant);
        HttpSession session = request.getSession(true);
        store.addPending(session, pending, now);
        URI url = core.authorizeUrl(redirectUri, settings.scopes(), pending.state(), pending.nonce(),
                Pkce.challenge(pending.codeVerifier()), Map.of());
        Responses.redirect(response, HttpServletResponse.SC_FOUND, url.toString());
    }

    /** GET on the callback route. */
    void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.protect(response);
        if (!isMethod(request, "GET")) {
            Responses.methodNotAllowed(response, "GET");
            return;
        }
        try {
            PendingLogin pending = takePending(request);
            checkIssuer(single(request, "iss"));
            String error = single(request, "error");
            if (error != null) {
                String code = ERROR_CODE.matcher(error).matches() ? error : "unknown_error";
                throw new LoginException(400, code, "the sign-in was not completed (" + code + ")",
                        "Signward answered the authorization request with error " + code);
            }
            String code = single(request, "code");
            if (code == null || code.isEmpty()) {
                throw LoginException.badRequest("the authorization response has no code");
            }
            SessionLogin login = completion.complete(code, pending);
            try {
                request.changeSessionId(); // no session fixation across the login
                store.setLogin(request.getSession(true), login);
            } catch (IllegalStateException sessionEnded) {
                // logged out in another tab while this callback ran: start again, cleanly
                LOG.log(Level.INFO, "Signward login: the session ended during the callback; the browser is sent to "
                        + "log in again");
                Responses.redirect(response, HttpServletResponse.SC_SEE_OTHER, request.getContextPath()
                        + settings.loginPath() + "?returnTo=" + java.net.URLEncoder.encode(pending.target(),
                        java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            LOG.log(Level.DEBUG, "Signward login: {0} logged in", login.user());
            SignwardMetrics.count(MetricNames.LOGINS, "outcome", "ok");
            Responses.redirect(response, HttpServletResponse.SC_SEE_OTHER, request.getContextPath() + pending.target());
        } catch (LoginException e) {
            SignwardMetrics.count(MetricNames.LOGINS, "outcome", "failed");
            fail(request, response, e);
        }
    }

    private PendingLogin takePending(HttpServletRequest request) throws LoginException {
        String state = single(request, "state");
        if (state == null || state.isEmpty()) {
            throw LoginException.badRequest("the authorization response has no state");
        }
        HttpSession session = request.getSession(false);
        PendingLogins.Lookup lookup = session == null
                ? new PendingLogins.Lookup(PendingLogins.Status.UNKNOWN, null)
                : store.consumePending(session, state, clock.instant());
        return switch (lookup.status()) {
            case FOUND -> {
                if (!lookup.login().tenant().equals(tenant)) { // another tenant's attempt: never completed here
                    throw LoginException.badRequest("unknown or already used state");
                }
                yield lookup.login();
            }
            case EXPIRED -> throw LoginException.badRequest("the sign-in attempt has expired; please sign in again");
            case UNKNOWN -> throw LoginException.badRequest("unknown or already used state");
        };
    }

    /** RFC 9207: a present {@code iss} must be the issuer; it must be present when the server says it sends it. */
    private void checkIssuer(String iss) throws LoginException {
        ProviderMetadata metadata = metadata();
        if (iss != null) {
            if (!iss.equals(metadata.issuer())) {
                throw LoginException.badRequest("the authorization response comes from another issuer (iss)");
            }
        } else if (metadata.issParameterSupported()) {
            throw LoginException.badRequest("the authorization response has no iss although the issuer sends it");
        }
    }

    /** POST from the application's own pages (same-origin check), and GET only when allowed, on the logout route. */
    void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.protect(response);
        boolean get = isMethod(request, "GET");
        if (!isMethod(request, "POST") && !(get && settings.logoutGetEnabled())) {
            Responses.methodNotAllowed(response, settings.logoutGetEnabled() ? "GET, POST" : "POST");
            return;
        }
        java.util.Optional<String> refusal = csrf.refusal(request);
        if (refusal.isPresent()) {
            fail(request, response, LoginException.crossSite(refusal.get()));
            return;
        }
        HttpSession session = request.getSession(false);
        SessionLogin login = session == null ? null : store.login(session);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // nothing to do
            }
        }
        if (login != null) {
            revocation.revoke(login);
        }
        String postLogout;
        try {
            postLogout = postLogoutUri(request);
        } catch (LoginException e) {
            fail(request, response, e);
            return;
        }
        String location;
        try {
            location = Http.await(core.endSessionUrl(login == null ? null : login.idToken(), postLogout,
                    Pkce.newState())).toString();
        } catch (ProviderException e) {
            LOG.log(Level.WARNING, "Signward logout: the end-session URL is not available ({0}); the local "
                    + "session was ended", e.getMessage());
            location = postLogout;
        }
        Responses.redirect(response, HttpServletResponse.SC_SEE_OTHER, location);
    }

    private String postLogoutUri(HttpServletRequest request) throws LoginException {
        String configured = settings.postLogoutRedirect();
        String uri = configured.startsWith("/")
                ? redirectUris.absolute(request.getScheme(), request.getServerName(), request.getServerPort(),
                request.getContextPath(), configured)
                : configured;
        if (postLogoutUriLogged.compareAndSet(false, true)) {
            LOG.log(Level.INFO, "Signward login: register this post-logout redirect URI for client {0} at "
                    + "Signward: {1}", core.config().clientId(), uri);
        }
        return uri;
    }

    private ProviderMetadata metadata() throws LoginException {
        try {
            return core.awaitMetadata();
        } catch (ProviderException e) {
            throw LoginException.unavailable("sign-in is not available: Signward is not reachable",
                    "discovery failed: " + e.getMessage());
        }
    }

    private void fail(HttpServletRequest request, HttpServletResponse response, LoginException e)
            throws IOException {
        Level level = e.status() >= 500 || e.error().startsWith("invalid_id") || e.error().equals("invalid_userinfo")
                ? Level.WARNING : Level.INFO;
        LOG.log(level, "Signward login: {0} ({1} {2})", e.detail(), request.getMethod(), request.getRequestURI());
        Responses.write(request, response, e, request.getContextPath() + settings.loginPath());
    }

    /** A parameter that must not be repeated (RFC 6749 §3.1); {@code null} when absent. */
    private static String single(HttpServletRequest request, String name) throws LoginException {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw LoginException.badRequest("the parameter " + name + " is repeated");
        }
        return values[0];
    }

    private static boolean isMethod(HttpServletRequest request, String method) {
        return method.equalsIgnoreCase(request.getMethod());
    }
}
