package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.web.WebLogin;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * The one authentication mechanism of a Signward application, for API calls and browsers alike.
 * <ul>
 *   <li>valid bearer token (RFC 6750 header only): the caller is logged in with its roles as groups; a bearer
 *       header always wins over a browser session;</li>
 *   <li>invalid bearer token: 401 {@code error="invalid_token"} on every URL, public ones included — a presented
 *       bad credential is always rejected (on URLs without a constraint {@code SignwardRequestFilter} answers,
 *       because not every runtime honours a failure there);</li>
 *   <li>browser login on ({@code signward.login.enabled}): the login, callback, logout and back-channel logout
 *       routes, and the session's user on every request, tokens refreshed when close to expiry; an unsafe request
 *       (POST, PUT, PATCH, DELETE) authenticated by the session without same-origin proof gets 403;</li>
 *   <li>nobody authenticated on a protected URL: a browser is sent to log in; any other client gets 401
 *       {@code Bearer realm="…"}.</li>
 * </ul>
 * The outcome is stored as the {@link AuthOutcome} request attribute: the one route by which the caller reaches the
 * principal, the {@code SignwardUser} producer and the JAX-RS filters. Bearer tokens are validated by
 * {@link BearerAuthenticator}, which {@link SignwardIdentityStore} also uses.
 */
@ApplicationScoped
public class SignwardAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    SignwardExtension extension;

    @Inject
    SignwardProducers producers;

    @Inject
    TenantExtension tenantExtension;

    @Inject
    BeanManager beanManager;

    private TenantWebLogins logins;

    @PostConstruct
    void init() {
        logins = extension.deployment().login()
                .map(settings -> new TenantWebLogins(producers.client(), producers.tenants(), settings,
                        extension.stateStore(), () -> tenantExtension.resolver(beanManager)))
                .orElse(null);
    }

    /** The browser login of the request's tenant, or {@code null} when login is off (or the tenant unknown). */
    WebLogin webLogin(HttpServletRequest request) {
        return logins == null ? null : logins.forRequest(request);
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (extension.isWebhookRequest(request)) {
            return context.doNothing(); // machine to machine: the endpoint verifies its own signature
        }
        WebLogin webLogin = logins == null ? null : logins.forRequest(request);
        if (logins != null && webLogin == null) {
            return send(AuthenticationStatus.SEND_FAILURE, () -> WebLogin.refuseLogin(request, response,
                    "sign-in is not available for this address"));
        }
        if (webLogin != null && webLogin.isLogoutRoute(request) && !context.isProtected()) {
            // answered by SignwardRequestFilter, where invalidating the session is ordinary servlet work
            request.setAttribute(AuthOutcome.WEB_ROUTE_ATTRIBUTE, webLogin);
            return context.doNothing();
        }
        try {
            if (webLogin != null && webLogin.handleRoute(request, response)) {
                return AuthenticationStatus.SEND_CONTINUE;
            }
        } catch (IOException clientGone) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        String realm = extension.deployment().realm();
        BearerHeader header = BearerHeader.of(request);
        return switch (header.kind()) {
            case PRESENT -> authenticate(context, header.token());
            case MALFORMED -> reject(context, AuthOutcome.rejected(realm, "malformed Authorization header", 401));
            case ABSENT -> sessionOrAnonymous(context, realm, webLogin);
        };
    }

    private AuthenticationStatus authenticate(HttpMessageContext context, String token) {
        BearerAuthenticator.Verdict verdict =
                BearerAuthenticator.authenticate(producers.tenants(), extension.deployment(),
                        DeclaredRoles.of(context.getRequest().getServletContext()), token);
        if (verdict.result() == null) {
            return reject(context, verdict.outcome());
        }
        context.getRequest().setAttribute(AuthOutcome.ATTRIBUTE, verdict.outcome());
        return context.notifyContainerAboutLogin(verdict.result());
    }

    private AuthenticationStatus reject(HttpMessageContext context, AuthOutcome rejected) {
        AuthOutcome outcome = challenging(context.getRequest(), rejected);
        context.getRequest().setAttribute(AuthOutcome.ATTRIBUTE, outcome);
        if (mustChallenge(context)) {
            return send(AuthenticationStatus.SEND_FAILURE,
                    () -> Challenge.writeRejection(context.getResponse(), outcome));
        }
        return context.doNothing();
    }

    /** The outcome naming the RFC 9728 document in its challenges, when that document is served. */
    private AuthOutcome challenging(HttpServletRequest request, AuthOutcome outcome) {
        return extension.resourceMetadata().map(metadata -> outcome.withResourceMetadata(metadata.documentUrl(request)))
                .orElse(outcome);
    }

    private AuthenticationStatus sessionOrAnonymous(HttpMessageContext context, String realm, WebLogin webLogin) {
        HttpServletRequest request = context.getRequest();
        if (webLogin != null) {
            Optional<SignwardUser> user = webLogin.sessionUser(request);
            CredentialValidationResult result =
                    user.map(u -> CallerIdentity.of(u, extension.deployment(),
                            DeclaredRoles.of(request.getServletContext()))).orElse(null);
            if (result != null) {
                Optional<String> refusal = webLogin.csrfRefusal(request);
                if (refusal.isPresent()) {
                    return refuseCrossSite(context, refusal.get());
                }
                request.setAttribute(AuthOutcome.ATTRIBUTE, AuthOutcome.authenticated(user.get(), realm));
                return context.notifyContainerAboutLogin(result);
            }
        }
        boolean browser = webLogin != null && WebLogin.acceptsRedirect(request);
        AuthOutcome anonymous = challenging(request,
                AuthOutcome.anonymous(realm, browser ? webLogin.loginRedirectPath(request) : null));
        request.setAttribute(AuthOutcome.ATTRIBUTE, anonymous);
        if (!mustChallenge(context)) {
            return context.doNothing();
        }
        HttpServletResponse response = context.getResponse();
        return browser
                ? send(AuthenticationStatus.SEND_CONTINUE, () -> webLogin.redirectToLogin(request, response))
                : send(AuthenticationStatus.SEND_FAILURE,
                        () -> Challenge.writeAuthenticationRequired(response, realm, anonymous.resourceMetadata()));
    }

    /**
     * A cross-site request riding the session: answered 403 here on protected URLs, else by
     * {@code SignwardRequestFilter} (some runtimes let a failure on an unprotected URL through).
     */
    private AuthenticationStatus refuseCrossSite(HttpMessageContext context, String reason) {
        HttpServletRequest request = context.getRequest();
        request.setAttribute(WebLogin.CSRF_REFUSAL_ATTRIBUTE, reason);
        if (mustChallenge(context)) {
            return send(AuthenticationStatus.SEND_FAILURE,
                    () -> WebLogin.refuseCrossSite(request, context.getResponse(), reason));
        }
        return context.doNothing();
    }

    /** Payara also calls mechanisms for programmatic authentication of public resources: never challenge those. */
    private static boolean mustChallenge(HttpMessageContext context) {
        return context.isProtected() && !context.isAuthenticationRequest();
    }

    private static AuthenticationStatus send(AuthenticationStatus status, ResponseWriter writer) {
        try {
            writer.write();
        } catch (IOException clientGone) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        return status;
    }

    @FunctionalInterface
    private interface ResponseWriter {
        void write() throws IOException;
    }
}
