package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.web.WebLogin;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The checks {@link SignwardRequestFilter} makes after authentication, for every request:
 * <ul>
 *   <li>{@code signward.tenants.allowed}: a signed-in caller of another tenant (or with a {@code tenant_id} that is
 *       not a UUID) gets 403 — {@code insufficient_tenant} JSON for APIs, a 403 page for browsers;</li>
 *   <li>the security annotations on the class of the servlet that will answer ({@code @Authenticated},
 *       {@code @RequiresRoles}, {@code @RequiresTenant} with a fixed id, and the Jakarta ones), decided with the
 *       {@link AccessPolicy}: nobody signed in → a browser is sent to log in, other clients get 401; a rule not
 *       met → 403 page or JSON.</li>
 * </ul>
 * Thread-safe: the policy of each servlet is read once.
 */
final class ServletGuard {

    private final ConcurrentMap<String, AccessPolicy> policies = new ConcurrentHashMap<>();

    /** @return {@code true} when the request was answered here */
    boolean refuse(HttpServletRequest request, HttpServletResponse response, AuthOutcome outcome,
                   Set<UUID> allowedTenants) throws IOException {
        SignwardUser user = outcome == null ? SignwardUser.anonymous() : outcome.user();
        boolean browser = WebLogin.acceptsRedirect(request);
        if (allowedTenants != null && user.isAuthenticated() && !allowedTenants.contains(user.tenantId())) {
            forbidden(response, browser, true);
            return true;
        }
        AccessPolicy policy = policyOf(request);
        if (policy == null) {
            return false;
        }
        switch (policy.decide(user.isAuthenticated() || request.getUserPrincipal() != null, user,
                AccessPolicy.groupsOf(user, request::isUserInRole), null)) {
            case UNAUTHENTICATED -> {
                if (outcome != null && outcome.loginRedirect() != null) {
                    response.setStatus(HttpServletResponse.SC_FOUND);
                    response.setHeader("Location", outcome.loginRedirect());
                } else {
                    Challenge.writeAuthenticationRequired(response, outcome == null ? "" : outcome.realm(),
                            outcome == null ? null : outcome.resourceMetadata());
                }
                return true;
            }
            case FORBIDDEN -> forbidden(response, browser, false);
            case WRONG_TENANT -> forbidden(response, browser, true);
            case GRANTED -> {
                return false;
            }
        }
        return true;
    }

    private static void forbidden(HttpServletResponse response, boolean browser, boolean tenant) throws IOException {
        if (browser) {
            Challenge.writeForbiddenPage(response, tenant);
        } else {
            Challenge.writeForbidden(response, tenant);
        }
    }

    /** The policy of the servlet mapped to this request, or {@code null} when it has no rules. */
    private AccessPolicy policyOf(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        String name = mapping == null ? null : mapping.getServletName();
        if (name == null) {
            return null;
        }
        AccessPolicy policy = policies.computeIfAbsent(name, n -> read(request.getServletContext(), n));
        return policy.requiresCaller() ? policy : null;
    }

    private static AccessPolicy read(ServletContext context, String servletName) {
        ServletRegistration registration = context.getServletRegistration(servletName);
        String className = registration == null ? null : registration.getClassName();
        if (className == null || className.startsWith("com.signward.idserver.")) {
            return AccessPolicy.of(null, Object.class);
        }
        try {
            return AccessPolicy.of(null, Class.forName(className, false, context.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError runtimeServlet) {
            return AccessPolicy.of(null, Object.class);
        }
    }
}
