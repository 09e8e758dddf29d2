package com.signward.idserver.jakarta;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Chooses the tenant configuration a browser login starts with, when the application trusts several Signward
 * authorities ({@code signward.tenants.<name>.*}). Implement it as a CDI bean (e.g. {@code @ApplicationScoped});
 * without one, every login uses the unnamed {@code signward.*} configuration. It is asked only when a login starts
 * (the login route, or a browser sent to log in): the callback completes with the tenant the login started with,
 * and the session then belongs to that tenant until it ends. Bearer tokens are routed by their issuer, never
 * through this resolver.
 *
 * <pre>
 * &#64;ApplicationScoped
 * public class ByQueryParameter implements SignwardTenantResolver {
 *     public String resolve(HttpServletRequest request) {
 *         return "partners".equals(request.getParameter("tenant")) ? "partners" : null;
 *     }
 * }
 * </pre>
 */
public interface SignwardTenantResolver {

    /**
     * @param request the request that starts a login
     * @return a tenant name ({@code signward.tenants.<name>.authority} must be configured), or {@code null} (or
     *         {@code "default"}) for the unnamed configuration; an unknown name answers the login with an error
     */
    String resolve(HttpServletRequest request);
}
