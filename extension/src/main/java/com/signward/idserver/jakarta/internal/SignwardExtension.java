package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardClient;
import com.signward.idserver.SignwardOptions;
import com.signward.idserver.jakarta.SignwardTenant;
import com.signward.idserver.jakarta.SignwardTenantResolver;
import com.signward.idserver.web.state.StateStore;
import com.signward.idserver.web.WebLogin;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.servlet.http.HttpServletRequest;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The portable CDI extension that wires Signward into a Jakarta EE 10 application. The jar is not a bean
 * archive: every bean is added here. The authentication mechanism is added only when the application defines
 * none of its own. Configuration is read and checked at deployment (the self-check then fetches discovery in the
 * background: {@link SignwardStartup}). The readiness check and the metrics are added only when their MicroProfile
 * API is present ({@link OptionalApis}).
 */
public class SignwardExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(SignwardExtension.class.getName());
    private static final String OWN_PACKAGE = "com.signward.idserver.";
    private static final String HEALTH_CHECK = "com.signward.idserver.jakarta.internal.SignwardReadinessCheck";
    /** The MicroProfile Metrics implementation, installed by {@link SignwardStartupListener}. */
    static final String MP_METRICS = "com.signward.idserver.jakarta.internal.MicroProfileMetrics";

    private volatile String foreignMechanism;
    private volatile SignwardDeployment deployment;
    private volatile StateStore stateStore;
    private volatile Optional<WebhookSettings> webhooks = Optional.empty();
    private volatile SelfCheck.Mode startupCheck = SelfCheck.Mode.OFF;
    private volatile Map<String, SignwardOptions> tenants = Map.of();
    private final Set<String> injectedTenants = ConcurrentHashMap.newKeySet();
    private final Set<Bean<?>> tenantResolvers = ConcurrentHashMap.newKeySet();
    private volatile SignwardTenantResolver tenantResolver;

    void addBeans(@Observes BeforeBeanDiscovery discovery, BeanManager beanManager) {
        for (Class<?> type : new Class<?>[] {SignwardIdentityStore.class, SignwardProducers.class,
                RequiresRolesInterceptor.class, AuthenticatedInterceptor.class, RequiresTenantInterceptor.class,
                SignwardAuthenticationMechanism.class, SignwardWebhooks.class, SignwardStartup.class}) {
            discovery.addAnnotatedType(beanManager.createAnnotatedType(type), type.getName());
        }
        if (OptionalApis.health() && healthEnabled()) {
            Class<?> check = OptionalApis.load(HEALTH_CHECK);
            discovery.addAnnotatedType(beanManager.createAnnotatedType(check), check.getName());
        }
        if (OptionalApis.metrics()) {
            Class<?> metrics = OptionalApis.load(MP_METRICS);
            discovery.addAnnotatedType(beanManager.createAnnotatedType(metrics), metrics.getName());
        }
    }

    /** {@code signward.health.enabled}, read early (beans are added before the configuration is checked). */
    private static boolean healthEnabled() {
        try {
            return ConfigProvider.getConfig().getOptionalValue(ConfigKey.HEALTH_ENABLED.key(), String.class)
                    .map(String::trim).map(v -> !v.equalsIgnoreCase("false")).orElse(true);
        } catch (RuntimeException noConfig) {
            return true;
        }
    }

    <T extends HttpAuthenticationMechanism> void noticeMechanism(@Observes ProcessAnnotatedType<T> event) {
        noticeForeign(event.getAnnotatedType().getJavaClass());
    }

    void noticeMechanismDefinition(@Observes @WithAnnotations({BasicAuthenticationMechanismDefinition.class,
            FormAuthenticationMechanismDefinition.class, CustomFormAuthenticationMechanismDefinition.class,
            OpenIdAuthenticationMechanismDefinition.class}) ProcessAnnotatedType<?> event) {
        noticeForeign(event.getAnnotatedType().getJavaClass());
    }

    /**
     * Type discovery (every {@code ProcessAnnotatedType}) is over before bean discovery starts, so by now an
     * application mechanism has been seen. (Types added only after type discovery are not picked up as
     * mechanisms by WildFly, hence registration in {@code BeforeBeanDiscovery} and a veto here.)
     */
    void skipMechanismIfTheApplicationHasOne(
            @Observes ProcessBeanAttributes<SignwardAuthenticationMechanism> event) {
        if (foreignMechanism != null) {
            LOG.log(Level.INFO, "Signward: the application defines its own authentication mechanism ({0}); "
                    + "the Signward mechanism is not installed", foreignMechanism);
            event.veto();
        }
    }

    /** Remembers each {@code @SignwardTenant("name") SignwardClient} so that an unknown name fails the deployment. */
    void noticeTenantInjection(@Observes ProcessInjectionPoint<?, SignwardClient> event) {
        event.getInjectionPoint().getQualifiers().stream().filter(SignwardTenant.class::isInstance)
                .forEach(q -> injectedTenants.add(((SignwardTenant) q).value()));
    }

    /**
     * Remembers the application's {@link SignwardTenantResolver} bean. (Payara does not let the jar's beans look up
     * the application's beans by type; a reference to the bean itself works everywhere.)
     */
    <T extends SignwardTenantResolver> void noticeTenantResolver(@Observes ProcessBean<T> event) {
        tenantResolvers.add(event.getBean());
    }

    /** The application's tenant resolver, or {@code null} when it has none (one reference, made on first use). */
    SignwardTenantResolver tenantResolver(BeanManager beanManager) {
        SignwardTenantResolver current = tenantResolver;
        if (current == null && !tenantResolvers.isEmpty()) {
            Bean<?> bean = tenantResolvers.iterator().next();
            current = (SignwardTenantResolver) beanManager.getReference(bean, SignwardTenantResolver.class,
                    beanManager.createCreationalContext(bean));
            tenantResolver = current;
        }
        return current;
    }

    void readConfiguration(@Observes AfterDeploymentValidation validation) {
        if (tenantResolvers.size() > 1) {
            validation.addDeploymentProblem(new DeploymentException("Signward: several SignwardTenantResolver beans ("
                    + tenantResolvers.stream().map(b -> b.getBeanClass().getName()).sorted().toList()
                    + "); the application may have one"));
        }
        try {
            Config config = ConfigProvider.getConfig();
            Function<String, Optional<String>> lookup = key -> config.getOptionalValue(key, String.class);
            deployment = SignwardDeployment.read(lookup, config.getPropertyNames());
            tenants = TenantSettings.read(new ConfigValues(lookup), config.getPropertyNames(), deployment.options());
            injectedTenants.stream().filter(name -> !name.equals(SignwardOptions.DEFAULT_TENANT)
                    && !tenants.containsKey(name)).sorted().forEach(name -> validation.addDeploymentProblem(
                    new DeploymentException("@SignwardTenant(\"" + name + "\"): " + TenantClients.missing(name))));
            webhooks = WebhookSettings.read(lookup);
            startupCheck = SelfCheck.Mode.read(new ConfigValues(lookup));
            new ConfigValues(lookup).boolWithDefault(ConfigKey.HEALTH_ENABLED); // a bad value names the key
            LOG.log(Level.INFO, "Signward: authority {0}, client id {1}, audience {2}",
                    deployment.options().authority(), deployment.options().clientId(),
                    deployment.options().audience());
            tenants.forEach((name, options) -> LOG.log(Level.INFO, "Signward: tenant {0}: authority {1}, client id "
                    + "{2}, audience {3}", name, options.authority(), options.clientId(), options.audience()));
            openStateStore(deployment);
        } catch (ConfigException | IllegalStateException e) {
            validation.addDeploymentProblem(new DeploymentException("Signward configuration error: " + e.getMessage()));
        } catch (RuntimeException e) {
            validation.addDeploymentProblem(new DeploymentException(
                    "Signward configuration error: MicroProfile Config is not available (" + e.getClass().getName()
                            + "); enable it in the runtime (Open Liberty: feature mpConfig-3.1)"));
        }
    }

    /** Browser login on: opens the store of the sessions' shared state and logs which one it is. */
    private void openStateStore(SignwardDeployment read) {
        read.login().ifPresent(login -> {
            StateStore opened = WebLogin.openStateStore(login, java.time.Clock.systemUTC());
            stateStore = opened;
            SessionStartup.recordStore(opened);
        });
    }

    /** The store of the browser sessions' shared state (browser login on), or {@code null}. */
    public StateStore stateStore() {
        return stateStore;
    }

    /** The configuration read at deployment. */
    public SignwardDeployment deployment() {
        SignwardDeployment current = deployment;
        if (current == null) {
            throw new IllegalStateException("Signward configuration has not been read (deployment failed?)");
        }
        return current;
    }

    /** The named tenant configurations ({@code signward.tenants.<name>.*}) by name; empty when there are none. */
    Map<String, SignwardOptions> tenants() {
        return tenants;
    }

    /** The webhook settings, present when {@code signward.webhooks.enabled=true}. */
    Optional<WebhookSettings> webhooks() {
        return webhooks;
    }

    /** What {@code signward.startup.check} says; {@code OFF} until the configuration was read. */
    SelfCheck.Mode startupCheck() {
        return startupCheck;
    }

    /** Whether a request is for the webhook endpoint (machine to machine: no authentication, no CSRF check). */
    boolean isWebhookRequest(HttpServletRequest request) {
        return webhooks.map(settings -> settings.matches(request.getContextPath(), request.getRequestURI()))
                .orElse(false);
    }

    /** The class of the application's own mechanism, or {@code null} when Signward's is installed. */
    public String foreignMechanism() {
        return foreignMechanism;
    }

    /**
     * Counts only the application's own types: those loaded by the WAR's class loader, like this jar. The runtime's
     * built-in mechanisms (e.g. Soteria's) also go through type discovery but belong to the runtime.
     */
    private void noticeForeign(Class<?> type) {
        if (!type.getName().startsWith(OWN_PACKAGE) && type.getClassLoader() == SignwardExtension.class.getClassLoader()) {
            foreignMechanism = type.getName();
        }
    }
}
