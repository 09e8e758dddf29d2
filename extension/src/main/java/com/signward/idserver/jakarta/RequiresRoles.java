package com.signward.idserver.jakarta;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires the caller to hold Signward roles, with the same rule as
 * {@code SignwardUser.hasAnyRole} / {@code hasAllRoles} ({@code RoleRule}: ASCII letters case-insensitive).
 * <p>
 * Works on JAX-RS resource classes and methods, on CDI beans (as an interceptor binding) and on servlet classes.
 * Nobody authenticated: 401 (a browser: redirect to login). Rule not met: 403 (JAX-RS, servlets) or
 * {@link jakarta.ws.rs.ForbiddenException} from a CDI bean. A method annotation replaces the class annotation; a
 * class annotation applies to subclasses. Together with {@code @RolesAllowed} both must hold.
 *
 * <pre>
 * &#64;RequiresRoles(value = {"admin", "billing"}, all = true)   // all of
 * &#64;RequiresRoles(value = "editor", includeCustom = false)     // built-in roles only
 * </pre>
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRoles {

    /** The roles; by default any one of them suffices. */
    @Nonbinding
    String[] value();

    /** {@code true}: every role is required. */
    @Nonbinding
    boolean all() default false;

    /** {@code false}: only built-in roles count, not custom roles. */
    @Nonbinding
    boolean includeCustom() default true;
}
