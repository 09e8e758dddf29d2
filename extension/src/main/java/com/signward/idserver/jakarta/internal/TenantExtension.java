package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardClient;
import com.signward.idserver.SignwardOptions;
import com.signward.idserver.jakarta.SignwardTenant;
import com.signward.idserver.jakarta.SignwardTenantResolver;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The portable CDI extension of several authorities: reads the named tenant configurations
 * ({@link TenantSettings}) at deployment, fails the deployment for a {@code @SignwardTenant("name")} injection
 * without {@code signward.tenants.<name>.authority} or for more than one {@link SignwardTenantResolver}, and finds
 * the application's resolver. Problems of the unnamed {@code signward.*} configuration are reported by
 * {@link SignwardExtension}.
 */
public class TenantExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(TenantExtension.class.getName());

    private volatile Map<String, SignwardOptions> tenants = Map.of();
    private final Set<String> injectedTenants = ConcurrentHashMap.newKeySet();
    private final Set<Bean<?>> resolvers = ConcurrentHashMap.newKeySet();
    private volatile SignwardTenantResolver resolver;

    /** Remembers each {@code @SignwardTenant("name") SignwardClient} so that an unknown name fails the deployment. */
    void noticeTenantInjection(@Observes ProcessInjectionPoint<?, SignwardClient> event) {
        event.getInjectionPoint().getQualifiers().stream().filter(SignwardTenant.class::isInstance)
                .forEach(q -> injectedTenants.add(((SignwardTenant) q).value()));
    }

    /**
     * Remembers the application's resolver bean. (Payara does not let the jar's beans look the application's beans
     * up by type; a reference to the bean itself works everywhere.)
     */
    <T extends SignwardTenantResolver> void noticeResolver(@Observes ProcessBean<T> event) {
        resolvers.add(event.getBean());
    }

    void readTenants(@Observes AfterDeploymentValidation validation) {
        if (resolvers.size() > 1) {
            validation.addDeploymentProblem(new DeploymentException("Signward: several SignwardTenantResolver beans ("
                    + resolvers.stream().map(b -> b.getBeanClass().getName()).sorted().toList()
                    + "); the application may have one"));
        }
        Config config;
        SignwardOptions defaults;
        Function<String, Optional<String>> lookup;
        try {
            config = ConfigProvider.getConfig();
            lookup = key -> config.getOptionalValue(key, String.class);
            defaults = SignwardDeployment.read(lookup, config.getPropertyNames()).options();
        } catch (RuntimeException reportedBySignwardExtension) {
            return;
        }
        try {
            tenants = TenantSettings.read(new ConfigValues(lookup), config.getPropertyNames(), defaults);
        } catch (ConfigException e) {
            validation.addDeploymentProblem(new DeploymentException("Signward configuration error: " + e.getMessage()));
            return;
        }
        injectedTenants.stream().filter(name -> !name.equals(SignwardOptions.DEFAULT_TENANT)
                && !tenants.containsKey(name)).sorted().forEach(name -> validation.addDeploymentProblem(
                new DeploymentException("@SignwardTenant(\"" + name + "\"): " + TenantClients.missing(name))));
        tenants.forEach((name, options) -> LOG.log(Level.INFO, "Signward: tenant {0}: authority {1}, client id {2}, "
                + "audience {3}", name, options.authority(), options.clientId(), options.audience()));
    }

    /** The named tenant configurations ({@code signward.tenants.<name>.*}) by name; empty when there are none. */
    Map<String, SignwardOptions> tenants() {
        return tenants;
    }

    /** The application's tenant resolver, or {@code null} when it has none (one reference, made on first use). */
    SignwardTenantResolver resolver(BeanManager beanManager) {
        SignwardTenantResolver current = resolver;
        if (current == null && !resolvers.isEmpty()) {
            Bean<?> bean = resolvers.iterator().next();
            current = (SignwardTenantResolver) beanManager.getReference(bean, SignwardTenantResolver.class,
                    beanManager.createCreationalContext(bean));
            resolver = current;
        }
        return current;
    }
}
