package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.jakarta.SignwardPrincipal;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.lang.reflect.Method;

/**
 * The {@link AccessPolicy} of one resource method, checked before the runtime's own role checks so that every
 * runtime answers alike: a rejected token → 401 {@code invalid_token}; nobody authenticated → 401
 * {@code Bearer realm} (a browser, when browser login is on: 302 to the login route); {@code @DenyAll}, a missing
 * {@code @RolesAllowed} group or an unmet {@code @RequiresRoles} → 403; another tenant → 403
 * {@code insufficient_tenant}. Marks the request as checked for this method, so that the CDI interceptors of a
 * resource that is also a CDI bean do not decide again without the path.
 */
final class AccessFilter implements ContainerRequestFilter {

    private final AccessPolicy policy;
    private final Method method;

    AccessFilter(AccessPolicy policy, Method method) {
        this.policy = policy;
        this.method = method;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        AuthOutcome outcome = AuthOutcome.from(request.getProperty(AuthOutcome.ATTRIBUTE));
        if (outcome != null && outcome.rejected()) {
            request.abortWith(rejection(outcome));
            return;
        }
        String realm = outcome == null ? null : outcome.realm();
        SecurityContext security = request.getSecurityContext();
        SignwardUser user = outcome != null ? outcome.user()
                : security.getUserPrincipal() instanceof SignwardPrincipal principal ? principal.user()
                : SignwardUser.anonymous();
        AccessPolicy.Decision decision = policy.decide(security.getUserPrincipal() != null, user,
                AccessPolicy.groupsOf(user, security::isUserInRole),
                name -> request.getUriInfo().getPathParameters().getFirst(name));
        switch (decision) {
            case UNAUTHENTICATED -> request.abortWith(outcome != null && outcome.loginRedirect() != null
                    ? Response.status(Response.Status.FOUND).header("Location", outcome.loginRedirect()).build()
                    : Challenge.jaxrsAuthenticationRequired(realm,
                            outcome == null ? null : outcome.resourceMetadata()));
            case FORBIDDEN -> request.abortWith(Challenge.jaxrsForbidden());
            case WRONG_TENANT -> request.abortWith(Challenge.jaxrsWrongTenant());
            case GRANTED -> request.setProperty(AccessCheck.CHECKED_ATTRIBUTE, method);
        }
    }

    private static Response rejection(AuthOutcome outcome) {
        if (outcome.status() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            return Challenge.jaxrs(outcome.status(), "temporarily_unavailable", outcome.rejection())
                    .header("Retry-After", "30").build();
        }
        return Challenge.jaxrs(401, "invalid_token", outcome.rejection())
                .header(Challenge.WWW_AUTHENTICATE, Challenge.invalidToken(outcome.realm(), outcome.rejection(),
                        outcome.resourceMetadata()))
                .build();
    }
}
