package com.signward.idserver.jakarta.internal;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Where a method's access rules come from: the method when it carries any of {@code @PermitAll},
 * {@code @DenyAll}, {@code @RolesAllowed}, {@link RequiresRoles}; otherwise its class. Shared by the JAX-RS
 * filter and the CDI interceptor so both read the same rule.
 */
public final class SecurityAnnotations {

    private static final List<Class<? extends Annotation>> TYPES =
            List.of(PermitAll.class, DenyAll.class, RolesAllowed.class, RequiresRoles.class);

    private SecurityAnnotations() {
    }

    /** The element whose annotations govern {@code method} of {@code type}. */
    public static AnnotatedElement source(Method method, Class<?> type) {
        return method != null && TYPES.stream().anyMatch(method::isAnnotationPresent) ? method : type;
    }
}
