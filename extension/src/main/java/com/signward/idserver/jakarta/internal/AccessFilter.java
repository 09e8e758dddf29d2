package com.signward.idserver.jakarta.internal;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Arrays;

/**
 * Access rules of one resource method, checked before the runtime's own role checks so that every runtime
 * answers alike: a rejected token → 401 {@code invalid_token}; nobody authenticated → 401 {@code Bearer realm}
 * (a browser, when browser login is on: 302 to the login route);
 * {@code @DenyAll}, a missing {@code @RolesAllowed} group or an unmet {@link RequiresRoles} → 403.
 */
final class AccessFilter implements ContainerRequestFilter {

    private final boolean denyAll;
    private final String[] rolesAllowed;
    private final RequiresRoles requiresRoles;

    AccessFilter(boolean denyAll, String[] rolesAllowed, RequiresRoles requiresRoles) {
        this.denyAll = denyAll;
        this.rolesAllowed = rolesAllowed == null ? null : rolesAllowed.clone();
        this.requiresRoles = requiresRoles;
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
        if (security.getUserPrincipal() == null) {
            request.abortWith(outcome != null && outcome.loginRedirect() != null
                    ? Response.status(Response.Status.FOUND).header("Location", outcome.loginRedirect()).build()
                    : Challenge.jaxrsAuthenticationRequired(realm));
            return;
        }
        if (denyAll || (rolesAllowed != null && Arrays.stream(rolesAllowed).noneMatch(security::isUserInRole))) {
            request.abortWith(Challenge.jaxrsForbidden());
            return;
        }
        if (requiresRoles != null) {
            switch (RoleRequirement.evaluate(requiresRoles, outcome == null ? null : outcome.user())) {
                case UNAUTHENTICATED -> request.abortWith(Challenge.jaxrsAuthenticationRequired(realm));
                case FORBIDDEN -> request.abortWith(Challenge.jaxrsForbidden());
                default -> { }
            }
        }
    }

    private static Response rejection(AuthOutcome outcome) {
        if (outcome.status() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            return Challenge.jaxrs(outcome.status(), "temporarily_unavailable", outcome.rejection())
                    .header("Retry-After", "30").build();
        }
        return Challenge.jaxrs(401, "invalid_token", outcome.rejection())
                .header(Challenge.WWW_AUTHENTICATE, Challenge.invalidToken(outcome.realm(), outcome.rejection()))
                .build();
    }
}
