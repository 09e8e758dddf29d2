package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.metrics.MetricNames;
import com.signward.idserver.internal.metrics.SignwardMetrics;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the metrics over the runtime's API when present (OpenTelemetry through MicroProfile Telemetry first,
 * else MicroProfile Metrics, else none), and runs the start-up self-check ({@link SignwardStartup}) when the web
 * application starts; registered by {@link SignwardServletInitializer}. An exception here (the check in
 * {@code fail} mode) fails the deployment.
 */
public class SignwardStartupListener implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(SignwardStartupListener.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        installMetrics();
        CDI.current().select(SignwardStartup.class).get().run(event.getServletContext());
    }

    private static void installMetrics() {
        List<String> candidates = new ArrayList<>();
        if (OptionalApis.openTelemetry()) {
            candidates.add(SignwardExtension.OTEL_METRICS);
        }
        if (OptionalApis.metrics()) {
            candidates.add(SignwardExtension.MP_METRICS);
        }
        for (String candidate : candidates) {
            MetricsBackend backend = (MetricsBackend) CDI.current().select(OptionalApis.load(candidate)).get();
            if (backend.usable()) {
                SignwardMetrics.install(backend);
                SignwardProducers producers = CDI.current().select(SignwardProducers.class).get();
                backend.gauge(MetricNames.JWKS_STALE_SECONDS, () -> staleSeconds(producers));
                LOG.log(Level.INFO, "Signward metrics: {0}", backend.api());
                return;
            }
        }
    }

    private static double staleSeconds(SignwardProducers producers) {
        try {
            return KeyHealth.staleSeconds(producers.core().keyState(), Clock.systemUTC().instant());
        } catch (RuntimeException notReady) { // e.g. the configuration failed: nothing is served, nothing stale
            return 0;
        }
    }
}
