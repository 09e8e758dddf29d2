package com.signward.idserver.jakarta.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;

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

    private DeclaredRoles() {
    }

    static Set<String> of(Collection<Class<?>> classes) {
        Set<String> roles = new TreeSet<>();
        for (Class<?> type : classes) {
            add(roles, type.getAnnotation(RolesAllowed.class));
            DeclareRoles declared = type.getAnnotation(DeclareRoles.class);
            if (declared != null) {
                roles.addAll(Arrays.asList(declared.value()));
            }
            methods(type).forEach(method -> add(roles, method.getAnnotation(RolesAllowed.class)));
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
