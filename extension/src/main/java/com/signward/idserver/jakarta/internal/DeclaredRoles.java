package com.signward.idserver.jakarta.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.ServletContext;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The role names an application uses in {@code @RolesAllowed} and {@code @DeclareRoles} on its classes and methods.
 * Servlet containers only answer {@code isUserInRole} for roles declared to the web application (Payara enforces
 * this); an annotation on a JAX-RS resource does not declare its roles, so the jar declares them.
 */
final class DeclaredRoles {

    /** Servlet context attribute holding the roles found at start-up. */
    static final String ATTRIBUTE = DeclaredRoles.class.getName();

    private DeclaredRoles() {
    }

    /** The roles the initializer found for this application (none when it did not run). */
    @SuppressWarnings("unchecked")
    static Set<String> of(ServletContext context) {
        Object roles = context == null ? null : context.getAttribute(ATTRIBUTE);
        return roles instanceof Set<?> set ? (Set<String>) set : Set.of();
    }

    static Set<String> of(Collection<Class<?>> classes) {
        Set<String> roles = new TreeSet<>();
        for (Class<?> leaf : classes) {
            for (Class<?> type = leaf; type != null && type != Object.class; type = type.getSuperclass()) {
                add(roles, type.getAnnotation(RolesAllowed.class));
                DeclareRoles declared = type.getAnnotation(DeclareRoles.class);
                if (declared != null) {
                    roles.addAll(Arrays.asList(declared.value()));
                }
                methods(type).forEach(method -> add(roles, method.getAnnotation(RolesAllowed.class)));
            }
        }
        return roles;
    }

    private static Stream<Method> methods(Class<?> type) {
        try {
            return Stream.concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getMethods()));
        } catch (LinkageError unloadable) {
            return Stream.empty();
        }
    }

    private static void add(Set<String> roles, RolesAllowed annotation) {
        if (annotation != null) {
            roles.addAll(Arrays.asList(annotation.value()));
        }
    }
}
