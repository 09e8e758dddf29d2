package com.signward.idserver.jakarta.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * Absorbs runtime differences at start-up, from inside the jar: turns on RESTEasy's {@code @RolesAllowed}
 * support (WildFly ignores the annotation otherwise) and installs {@link RejectedCredentialFilter} in front of
 * every other filter.
 */
public class SignwardServletInitializer implements ServletContainerInitializer {

    static final String RESTEASY_ROLE_BASED_SECURITY = "resteasy.role.based.security";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.setInitParameter(RESTEASY_ROLE_BASED_SECURITY, "true");
        FilterRegistration.Dynamic filter = context.addFilter(RejectedCredentialFilter.class.getName(),
                RejectedCredentialFilter.class);
        if (filter != null) {
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
    }
}
