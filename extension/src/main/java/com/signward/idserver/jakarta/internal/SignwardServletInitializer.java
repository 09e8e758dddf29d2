package com.signward.idserver.jakarta.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.ws.rs.Path;

import java.util.EnumSet;
import java.util.Set;

/**
 * Absorbs runtime differences at start-up, from inside the jar: turns on RESTEasy's {@code @RolesAllowed}
 * support (WildFly ignores the annotation otherwise), declares the roles the application names in
 * {@code @RolesAllowed} / {@code @DeclareRoles} (Payara answers {@code isUserInRole} only for declared roles), and
 * installs {@link SignwardRequestFilter} in front of every other filter; with browser login on, the session cookie
 * gets {@code SameSite=Lax} ({@link SessionStartup}).
 */
@HandlesTypes({Path.class, RolesAllowed.class, DeclareRoles.class})
public class SignwardServletInitializer implements ServletContainerInitializer {

    static final String RESTEASY_ROLE_BASED_SECURITY = "resteasy.role.based.security";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.setInitParameter(RESTEASY_ROLE_BASED_SECURITY, "true");
        Set<String> roles = DeclaredRoles.of(classes == null ? Set.of() : classes);
        if (!roles.isEmpty()) {
            context.declareRoles(roles.toArray(String[]::new));
        }
        SessionStartup.configureCookie(context);
        FilterRegistration.Dynamic filter = context.addFilter(SignwardRequestFilter.class.getName(),
                SignwardRequestFilter.class);
        if (filter != null) {
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
    }
}
