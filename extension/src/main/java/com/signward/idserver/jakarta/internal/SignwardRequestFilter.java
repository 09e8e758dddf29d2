package com.signward.idserver.jakarta.internal;

import com.signward.idserver.web.WebLogin;
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
 *       filter chain like any servlet code does.</li>
 * </ul>
 */
public class SignwardRequestFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

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
        chain.doFilter(request, response);
    }
}
