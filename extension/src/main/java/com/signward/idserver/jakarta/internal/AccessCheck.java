package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardUser;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;

import java.lang.reflect.Method;
import java.util.function.Supplier;

/**
 * The check the CDI interceptors ({@link RequiresRolesInterceptor}, {@link AuthenticatedInterceptor},
 * {@link RequiresTenantInterceptor}) share: the {@link AccessPolicy} of the invoked method, decided for the request's
 * {@link SignwardUser}. Nobody authenticated: {@link NotAuthorizedException} (401 with a {@code Bearer} challenge in
 * JAX-RS); a rule not met: {@link ForbiddenException} (403). Calls that the JAX-RS filter already let through for
 * this very method (a resource that is also a CDI bean) are not decided again, and servlets and filters (CDI beans
 * on some runtimes, so their {@code init} and {@code service} would be intercepted) are left to
 * {@link ServletGuard}, which answers with pages and redirects.
 */
final class AccessCheck {

    /** Request attribute: the resource method the JAX-RS filter granted. */
    static final String CHECKED_ATTRIBUTE = AccessCheck.class.getName() + ".granted";

    private AccessCheck() {
    }

    static Object enforce(InvocationContext invocation, SignwardUser user, Supplier<HttpServletRequest> request,
                          String realm) throws Exception {
        Method method = invocation.getMethod();
        Object target = invocation.getTarget();
        if (method != null && !(target instanceof Servlet || target instanceof Filter)
                && !method.equals(grantedByJaxrs(request))) {
            Class<?> type = target == null ? method.getDeclaringClass() : target.getClass();
            switch (AccessPolicy.of(method, type).decide(user.isAuthenticated(), user, user::inGroup, null)) {
                case UNAUTHENTICATED -> throw new NotAuthorizedException(
                        Challenge.jaxrsAuthenticationRequired(realm, resourceMetadata(request)));
                case FORBIDDEN -> throw new ForbiddenException(Challenge.jaxrsForbidden());
                case WRONG_TENANT -> throw new ForbiddenException(Challenge.jaxrsWrongTenant());
                case GRANTED -> { }
            }
        }
        return invocation.proceed();
    }

    /** The {@code resource_metadata} URL the mechanism put in the request's outcome, or {@code null}. */
    private static String resourceMetadata(Supplier<HttpServletRequest> request) {
        try {
            AuthOutcome outcome = AuthOutcome.from(request.get().getAttribute(AuthOutcome.ATTRIBUTE));
            return outcome == null ? null : outcome.resourceMetadata();
        } catch (RuntimeException noHttpRequest) {
            return null;
        }
    }

    private static Object grantedByJaxrs(Supplier<HttpServletRequest> request) {
        try {
            return request.get().getAttribute(CHECKED_ATTRIBUTE);
        } catch (RuntimeException noHttpRequest) {
            return null;
        }
    }
}
