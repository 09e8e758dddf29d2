package com.signward.idserver.jakarta.internal;

import com.signward.idserver.jakarta.Authenticated;
import com.signward.idserver.jakarta.RequiresRoles;
import com.signward.idserver.jakarta.RequiresTenant;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Where a method's security annotations come from, the same for the JAX-RS filter, the CDI interceptors, the servlet
 * guard and the deployment checks. Each kind is looked up method first, then on the class and its superclasses
 * (the nearest class that carries it wins): the Jakarta kinds {@code @PermitAll} / {@code @DenyAll} /
 * {@code @RolesAllowed} as one group, and each Signward annotation on its own.
 */
public final class SecurityAnnotations {

    /** The Jakarta Annotations kinds, resolved together (a method's {@code @RolesAllowed} replaces a class's {@code @DenyAll}). */
    static final List<Class<? extends Annotation>> JAKARTA = List.of(PermitAll.class, DenyAll.class, RolesAllowed.class);

    /** Every kind that restricts or opens access. */
    static final List<Class<? extends Annotation>> ALL = List.of(PermitAll.class, DenyAll.class, RolesAllowed.class,
            RequiresRoles.class, Authenticated.class, RequiresTenant.class);

    private SecurityAnnotations() {
    }

    /**
     * The element whose Jakarta annotations ({@code @PermitAll}, {@code @DenyAll}, {@code @RolesAllowed}) govern
     * {@code method} of {@code type}: the method when it has any; else the nearest class of {@code type}'s hierarchy
     * that has any; else {@code null}.
     */
    static AnnotatedElement jakartaSource(Method method, Class<?> type) {
        if (method != null && hasAny(method, JAKARTA)) {
            return method;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (hasAny(c, JAKARTA)) {
                return c;
            }
        }
        return null;
    }

    /** The annotation {@code kind} governing {@code method} of {@code type} (method, then class hierarchy), or {@code null}. */
    static <A extends Annotation> A find(Method method, Class<?> type, Class<A> kind) {
        if (method != null && method.isAnnotationPresent(kind)) {
            return method.getAnnotation(kind);
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            A found = c.getDeclaredAnnotation(kind);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Whether {@code type}, a superclass or one of their methods carries a restricting annotation. */
    static boolean restricts(Class<?> type) {
        List<Class<? extends Annotation>> restricting = ALL.subList(1, ALL.size());
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                if (hasAny(c, restricting)
                        || Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> hasAny(m, restricting))) {
                    return true;
                }
            } catch (LinkageError unloadable) {
                return false;
            }
        }
        return false;
    }

    private static boolean hasAny(AnnotatedElement element, List<Class<? extends Annotation>> kinds) {
        for (Class<? extends Annotation> kind : kinds) {
            if (element.isAnnotationPresent(kind)) {
                return true;
            }
        }
        return false;
    }
}
