package com.signward.idserver.jakarta.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;

/**
 * The readiness check {@value #NAME} (MicroProfile Health): UP while Signward's signing keys can be served (with
 * {@code stale: true} during an outage), DOWN when none can. Added by {@link SignwardExtension} only when the
 * runtime has the Health API and {@code signward.health.enabled} is not {@code false}; nothing else refers to
 * this class, so it is never loaded without the API.
 */
@Readiness
@ApplicationScoped
public class SignwardReadinessCheck implements HealthCheck {

    static final String NAME = "signward";

    @Inject
    SignwardExtension extension;

    @Inject
    SignwardProducers producers;

    @Override
    public HealthCheckResponse call() {
        KeyHealth health = KeyHealth.of(extension.deployment().options().authority(), producers.core().keyState(),
                Clock.systemUTC().instant());
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(health.up());
        health.data().forEach((name, value) -> {
            if (name.equals("stale")) {
                response.withData(name, health.stale());
            } else {
                response.withData(name, value);
            }
        });
        return response.build();
    }
}
