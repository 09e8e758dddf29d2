package com.signward.idserver.jakarta.internal;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.FeatureContext;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

/** Reads a resource method's access rules and installs {@link AccessFilter} where a caller is required. */
public final class AccessRules {

    private AccessRules() {
    }

    /** Registers the filter for {@code method} of {@code type} when its rules require a caller. */
    public static void register(Method method, Class<?> type, FeatureContext context) {
        AnnotatedElement source = SecurityAnnotations.source(method, type);
        if (source == null || source.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed rolesAllowed = source.getAnnotation(RolesAllowed.class);
        RequiresRoles requiresRoles = source.getAnnotation(RequiresRoles.class);
        boolean denyAll = source.isAnnotationPresent(DenyAll.class);
        if (rolesAllowed != null || requiresRoles != null || denyAll) {
            context.register(new AccessFilter(denyAll, rolesAllowed == null ? null : rolesAllowed.value(),
                    requiresRoles), Priorities.AUTHENTICATION);
        }
    }
}
