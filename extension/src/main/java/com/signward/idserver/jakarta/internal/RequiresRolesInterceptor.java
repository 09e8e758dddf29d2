package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;

import java.lang.reflect.AnnotatedElement;

/**
 * Enforces {@link RequiresRoles} on CDI beans. Nobody authenticated: {@link NotAuthorizedException} (401 with a
 * {@code Bearer} challenge in JAX-RS); rule not met: {@link ForbiddenException} (403).
 */
@RequiresRoles({})
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class RequiresRolesInterceptor {

    @Inject
    SignwardUser user;

    @Inject
    SignwardExtension extension;

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        RequiresRoles rule = ruleFor(invocation);
        if (rule != null) {
            switch (RoleRequirement.evaluate(rule, user)) {
                case UNAUTHENTICATED -> throw new NotAuthorizedException(
                        Challenge.jaxrsAuthenticationRequired(extension.deployment().realm()));
                case FORBIDDEN -> throw new ForbiddenException(Challenge.jaxrsForbidden());
                default -> { }
            }
        }
        return invocation.proceed();
    }

    /** The method's security annotations replace the class's ({@code @RequiresRoles} is inherited by CDI subclasses). */
    private static RequiresRoles ruleFor(InvocationContext invocation) {
        Class<?> type = invocation.getTarget() == null ? null : invocation.getTarget().getClass();
        AnnotatedElement source = SecurityAnnotations.source(invocation.getMethod(), type);
        return source == null ? null : source.getAnnotation(RequiresRoles.class);
    }
}
