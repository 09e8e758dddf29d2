package com.signward.idserver.jakarta.internal;

import com.signward.idserver.web.state.StateStore;
import com.signward.idserver.web.WebLogin;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
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
import java.util.Optional;
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
    /** The OpenTelemetry metrics implementation, installed by {@link SignwardStartupListener} (preferred). */
    static final String OTEL_METRICS = "com.signward.idserver.jakarta.internal.OpenTelemetryMetrics";

    private volatile String foreignMechanism;
    private volatile SignwardDeployment deployment;
    private volatile StateStore stateStore;
    private volatile Optional<WebhookSettings> webhooks = Optional.empty();
    private volatile Optional<ResourceMetadataSettings> resourceMetadata = Optional.empty();
    private volatile PropagationSettings propagation;
    private volatile SelfCheck.Mode startupCheck = SelfCheck.Mode.OFF;

    void addBeans(@Observes BeforeBeanDiscovery discovery, BeanManager beanManager) {
        for (Class<?> type : new Class<?>[] {SignwardIdentityStore.class, SignwardProducers.class,
                RequiresRolesInterceptor.class, AuthenticatedInterceptor.class, RequiresTenantInterceptor.class,
                SignwardAuthenticationMechanism.class, SignwardWebhooks.class, SignwardStartup.class,
                PropagationFilter.class}) {
            discovery.addAnnotatedType(beanManager.createAnnotatedType(type), type.getName());
        }
        if (OptionalApis.health() && healthEnabled()) {
            Class<?> check = OptionalApis.load(HEALTH_CHECK);
            discovery.addAnnotatedType(beanManager.createAnnotatedType(check), check.getName());
        }
        if (OptionalApis.openTelemetry()) {
            Class<?> metrics = OptionalApis.load(OTEL_METRICS);
            discovery.addAnnotatedType(beanManager.createAnnotatedType(metrics), metrics.getName());
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

    void readConfiguration(@Observes AfterDeploymentValidation validation) {
        try {
            Config config = ConfigProvider.getConfig();
            Function<String, Optional<String>> lookup = key -> config.getOptionalValue(key, String.class);
            deployment = SignwardDeployment.read(lookup, config.getPropertyNames());
            webhooks = WebhookSettings.read(lookup);
            resourceMetadata = ResourceMetadataSettings.read(lookup);
            propagation = PropagationSettings.read(lookup);
            startupCheck = SelfCheck.Mode.read(new ConfigValues(lookup));
            new ConfigValues(lookup).boolWithDefault(ConfigKey.HEALTH_ENABLED); // a bad value names the key
            LOG.log(Level.INFO, "Signward: authority {0}, client id {1}, audience {2}",
                    deployment.options().authority(), deployment.options().clientId(),
                    deployment.options().audience());
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

    /** The webhook settings, present when {@code signward.webhooks.enabled=true}. */
    Optional<WebhookSettings> webhooks() {
        return webhooks;
    }

    /** The protected-resource metadata settings, present when {@code signward.resource-metadata.enabled=true}. */
    Optional<ResourceMetadataSettings> resourceMetadata() {
        return resourceMetadata;
    }

    /** The settings of {@code SignwardTokenPropagation} ({@code signward.propagation.*}). */
    PropagationSettings propagation() {
        deployment(); // fails the same way when the configuration was not read
        return propagation;
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
