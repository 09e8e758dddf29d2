package com.signward.idserver.jakarta.jaxrs;

import com.signward.idserver.jakarta.RequiresRoles;
import com.signward.idserver.jakarta.SecurityAnnotations;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

/**
 * Installs {@link AccessFilter} on every resource method that requires a caller ({@code @RolesAllowed},
 * {@code @DenyAll}, {@link RequiresRoles}); a method's annotations replace its class's. Discovered by the
 * JAX-RS runtime's scan; an application whose {@code Application.getClasses()} lists its classes explicitly adds
 * this class there too.
 */
@Provider
public class SignwardJaxrsFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        AnnotatedElement source = SecurityAnnotations.source(method, resource.getResourceClass());
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
