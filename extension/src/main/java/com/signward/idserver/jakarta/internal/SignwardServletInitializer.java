package com.signward.idserver.jakarta.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Absorbs runtime differences at start-up, from inside the jar: turns on RESTEasy's {@code @RolesAllowed}
 * support (WildFly ignores the annotation otherwise), declares the roles the application names in
 * {@code @RolesAllowed} / {@code @DeclareRoles} (Payara answers {@code isUserInRole} only for declared roles), and
 * installs {@link SignwardRequestFilter} in front of every other filter, and adds the webhook endpoint
 * ({@link SignwardWebhookServlet}) when {@code signward.webhooks.enabled=true}, and the start-up self-check
 * ({@link SignwardStartupListener}).
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
        FilterRegistration.Dynamic filter = context.addFilter(SignwardRequestFilter.class.getName(),
                SignwardRequestFilter.class);
        if (filter != null) {
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
        addWebhookEndpoint(context);
        context.addListener(SignwardStartupListener.class);
    }

    /** The webhook servlet, when enabled; a bad value is reported by the CDI extension, which fails deployment. */
    private static void addWebhookEndpoint(ServletContext context) {
        Optional<WebhookSettings> settings;
        try {
            Config config = ConfigProvider.getConfig(SignwardServletInitializer.class.getClassLoader());
            settings = WebhookSettings.read(key -> config.getOptionalValue(key, String.class));
        } catch (RuntimeException configMissingOrInvalid) {
            return;
        }
        settings.ifPresent(webhooks -> {
            ServletRegistration.Dynamic servlet = context.addServlet(SignwardWebhookServlet.class.getName(),
                    SignwardWebhookServlet.class);
            if (servlet != null) {
                servlet.addMapping(webhooks.path());
            }
        });
    }
}
