package com.signward.idserver.jakarta.internal;

import com.signward.idserver.web.WebLogin;
import io.smallrye.jwt.auth.cdi.PrincipalProducer;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The jar's filter, in front of every other one:
 * <ul>
 *   <li>answers 401 {@code error="invalid_token"} (or 503) when the mechanism rejected the presented token, on URLs
 *       without a security constraint too — some runtimes (Open Liberty) let such requests through anonymously;
 *       with this filter a bad credential gets the same answer everywhere;</li>
 *   <li>answers 403 when the mechanism refused a cross-site request that rode the session;</li>
 *   <li>runs the browser-login route the mechanism handed over (logout), so that the session is invalidated in the
 *       filter chain like any servlet code does;</li>
 *   <li>refuses callers of tenants outside {@code signward.tenants.allowed}, and enforces the security annotations
 *       of servlet classes ({@link ServletGuard});</li>
 *   <li>hands a bearer caller's verified token to {@code @Inject JsonWebToken} ({@link JsonWebTokenView}).</li>
 * </ul>
 */
public class SignwardRequestFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final transient ServletGuard guard = new ServletGuard();

    @Inject
    transient SignwardExtension extension;

    @Inject
    transient Instance<PrincipalProducer> jsonWebToken;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        AuthOutcome outcome = AuthOutcome.from(request.getAttribute(AuthOutcome.ATTRIBUTE));
        if (outcome != null && outcome.rejected()) {
            Challenge.writeRejection(response, outcome);
            return;
        }
        if (request.getAttribute(WebLogin.CSRF_REFUSAL_ATTRIBUTE) instanceof String crossSite) {
            WebLogin.refuseCrossSite(request, response, crossSite);
            return;
        }
        if (request.getAttribute(AuthOutcome.WEB_ROUTE_ATTRIBUTE) instanceof WebLogin webLogin
                && webLogin.handleRoute(request, response)) {
            return;
        }
        if (guard.refuse(request, response, outcome, extension.deployment().allowedTenants())) {
            return;
        }
        JsonWebTokenView.offer(jsonWebToken, request, outcome);
        chain.doFilter(request, response);
    }
}
