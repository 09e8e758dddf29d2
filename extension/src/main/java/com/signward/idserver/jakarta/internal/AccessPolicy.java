package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.jakarta.Authenticated;
import com.signward.idserver.jakarta.RequiresRoles;
import com.signward.idserver.jakarta.RequiresTenant;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The access rules of one method, read once from its security annotations ({@link SecurityAnnotations}) and decided
 * the same way by the JAX-RS filter, the CDI interceptors and the servlet guard:
 * <ul>
 *   <li>a method's {@code @PermitAll} opens it, whatever its class says;</li>
 *   <li>otherwise every rule that applies must hold: {@code @DenyAll}, {@code @RolesAllowed} (one of the groups,
 *       compared with the {@code RoleRule}), {@link RequiresRoles}, {@link Authenticated},
 *       {@link RequiresTenant}.</li>
 * </ul>
 * Immutable.
 */
public final class AccessPolicy {

    /** What a request gets. */
    public enum Decision { GRANTED, UNAUTHENTICATED, FORBIDDEN, WRONG_TENANT }

    private static final AccessPolicy OPEN = new AccessPolicy(false, null, null, false, null, null);

    private final boolean denyAll;
    private final String[] rolesAllowed;
    private final RequiresRoles requiresRoles;
    private final boolean authenticated;
    private final RequiresTenant requiresTenant;
    private final UUID fixedTenant;

    private AccessPolicy(boolean denyAll, String[] rolesAllowed, RequiresRoles requiresRoles, boolean authenticated,
                         RequiresTenant requiresTenant, UUID fixedTenant) {
        this.denyAll = denyAll;
        this.rolesAllowed = rolesAllowed;
        this.requiresRoles = requiresRoles;
        this.authenticated = authenticated;
        this.requiresTenant = requiresTenant;
        this.fixedTenant = fixedTenant;
    }

    /**
     * The rules of {@code method} (may be {@code null}: class rules only) of {@code type}.
     *
     * @throws IllegalStateException when a {@link RequiresTenant} is malformed (names the method)
     */
    public static AccessPolicy of(Method method, Class<?> type) {
        if (method != null && method.isAnnotationPresent(PermitAll.class)) {
            return OPEN;
        }
        AnnotatedElement jakarta = SecurityAnnotations.jakartaSource(method, type);
        boolean denyAll = jakarta != null && jakarta.isAnnotationPresent(DenyAll.class);
        RolesAllowed rolesAllowed = jakarta == null ? null : jakarta.getAnnotation(RolesAllowed.class);
        RequiresTenant tenant = SecurityAnnotations.find(method, type, RequiresTenant.class);
        return new AccessPolicy(denyAll, rolesAllowed == null ? null : rolesAllowed.value().clone(),
                SecurityAnnotations.find(method, type, RequiresRoles.class),
                SecurityAnnotations.find(method, type, Authenticated.class) != null, tenant,
                tenant == null ? null : fixedTenant(tenant, method, type));
    }

    private static UUID fixedTenant(RequiresTenant tenant, Method method, Class<?> type) {
        boolean fixed = !tenant.value().isBlank();
        boolean path = !tenant.pathParam().isBlank();
        String where = method != null ? method.toString() : type.getName();
        if (fixed == path) {
            throw new IllegalStateException("Signward: @RequiresTenant on " + where
                    + " must set exactly one of value (a tenant id) and pathParam");
        }
        if (!fixed) {
            return null;
        }
        UUID id = Tenants.parse(tenant.value());
        if (id == null) {
            throw new IllegalStateException("Signward: @RequiresTenant(\"" + tenant.value() + "\") on " + where
                    + " is not a UUID");
        }
        return id;
    }

    /** Whether any rule needs a caller (else the method is open). */
    public boolean requiresCaller() {
        return denyAll || rolesAllowed != null || requiresRoles != null || authenticated || requiresTenant != null;
    }

    /** Whether the tenant must come from a path parameter. */
    boolean needsPath() {
        return requiresTenant != null && fixedTenant == null;
    }

    /**
     * @param signedIn   whether anybody is authenticated (a container principal)
     * @param user       the Signward user of the request (anonymous when the caller is not a Signward user)
     * @param inGroup    whether the caller is in a group, for {@code @RolesAllowed}
     * @param pathParams the request's path parameters ({@code null}: none, e.g. outside JAX-RS)
     */
    public Decision decide(boolean signedIn, SignwardUser user, Predicate<String> inGroup,
                           Function<String, String> pathParams) {
        if (!requiresCaller()) {
            return Decision.GRANTED;
        }
        if (!signedIn) {
            return Decision.UNAUTHENTICATED;
        }
        if (denyAll || rolesAllowed != null && !anyGroup(inGroup)) {
            return Decision.FORBIDDEN;
        }
        if (requiresRoles != null && !(requiresRoles.all()
                ? user.hasAllRoles(requiresRoles.includeCustom(), requiresRoles.value())
                : user.hasAnyRole(requiresRoles.includeCustom(), requiresRoles.value()))) {
            return Decision.FORBIDDEN;
        }
        if (requiresTenant != null) {
            UUID expected = fixedTenant != null ? fixedTenant
                    : pathParams == null ? null : Tenants.parse(pathParams.apply(requiresTenant.pathParam()));
            if (expected == null || !expected.equals(user.tenantId())) {
                return Decision.WRONG_TENANT;
            }
        }
        return Decision.GRANTED;
    }

    /** For a Signward user: its groups under the role rule; otherwise the container's answer. */
    public static Predicate<String> groupsOf(SignwardUser user, Predicate<String> container) {
        return user.isAuthenticated() ? user::inGroup : container;
    }

    private boolean anyGroup(Predicate<String> inGroup) {
        for (String role : rolesAllowed) {
            if (inGroup.test(role)) {
                return true;
            }
        }
        return false;
    }
}
