package com.signward.idserver.jakarta.internal;

import com.signward.idserver.jakarta.Authenticated;
import com.signward.idserver.jakarta.RequiresRoles;
import com.signward.idserver.jakarta.RequiresTenant;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Absorbs runtime differences at start-up, from inside the jar: turns on RESTEasy's {@code @RolesAllowed}
 * support (WildFly ignores the annotation otherwise), declares the roles the application names in
 * {@code @RolesAllowed} / {@code @DeclareRoles} (Payara answers {@code isUserInRole} only for declared roles; the
 * caller's groups are spelled to match them), installs {@link SignwardRequestFilter} in front of every other filter,
 * with browser login on gives the session cookie {@code SameSite=Lax} ({@link SessionStartup}), adds the webhook
 * endpoint ({@link SignwardWebhookServlet}) when {@code signward.webhooks.enabled=true}, the protected-resource
 * metadata ({@link SignwardResourceMetadataServlet}) when {@code signward.resource-metadata.enabled=true}, and the
 * start-up self-check
 * ({@link SignwardStartupListener}), and refuses to start an application whose JAX-RS security annotations would not
 * be enforced ({@link JaxrsRegistration}).
 */
@HandlesTypes({Path.class, RolesAllowed.class, DeclareRoles.class, DenyAll.class, Application.class,
        RequiresRoles.class, Authenticated.class, RequiresTenant.class})
public class SignwardServletInitializer implements ServletContainerInitializer {

    static final String RESTEASY_ROLE_BASED_SECURITY = "resteasy.role.based.security";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        Set<Class<?>> types = classes == null ? Set.of() : classes;
        context.setInitParameter(RESTEASY_ROLE_BASED_SECURITY, "true");
        Set<String> roles = DeclaredRoles.of(types);
        context.setAttribute(DeclaredRoles.ATTRIBUTE, Collections.unmodifiableSet(roles));
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
        addWebhookEndpoint(context);
        addResourceMetadata(context);
        context.addListener(SignwardStartupListener.class);
        // last, so that a runtime that only logs an initializer's failure (Open Liberty) still has the rest
        List<String> problems = JaxrsRegistration.problems(types);
        if (!problems.isEmpty()) {
            throw new ServletException("Signward: " + String.join("; ", problems));
        }
    }

    /** The RFC 9728 document at the context root, when enabled; a bad value fails deployment in the extension. */
    private static void addResourceMetadata(ServletContext context) {
        boolean enabled;
        try {
            Config config = ConfigProvider.getConfig(SignwardServletInitializer.class.getClassLoader());
            enabled = ResourceMetadataSettings.read(key -> config.getOptionalValue(key, String.class)).isPresent();
        } catch (RuntimeException configMissingOrInvalid) {
            return;
        }
        if (enabled) {
            ServletRegistration.Dynamic servlet = context.addServlet(
                    SignwardResourceMetadataServlet.class.getName(), SignwardResourceMetadataServlet.class);
            if (servlet != null) {
                servlet.addMapping(ResourceMetadataSettings.PATH);
            }
        }
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
