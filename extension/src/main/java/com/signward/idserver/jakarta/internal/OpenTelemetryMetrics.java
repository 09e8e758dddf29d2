package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.metrics.SignwardMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * {@link SignwardMetrics} over OpenTelemetry metrics, with the {@link OpenTelemetry} bean of MicroProfile Telemetry
 * (meter {@value #SCOPE}): counters are {@code LongCounter}s, timers {@code DoubleHistogram}s of seconds, gauges
 * observable gauges; labels are attributes. Added by {@link SignwardExtension} only when the runtime offers the
 * OpenTelemetry API to the application, and installed at start-up when {@link #usable()}; nothing else refers to
 * this class, so it is never loaded without the API.
 */
@ApplicationScoped
public class OpenTelemetryMetrics implements MetricsBackend {

    /** The instrumentation scope of the jar's meters. */
    static final String SCOPE = "com.signward.idserver";

    private final Map<String, LongCounter> counters = new ConcurrentHashMap<>();
    private final Map<String, DoubleHistogram> timers = new ConcurrentHashMap<>();
    private volatile Meter meter;

    /** MicroProfile Telemetry's bean; absent where the API is only in the application's own libraries. */
    @Inject
    Instance<OpenTelemetry> openTelemetry;

    /** For CDI. */
    public OpenTelemetryMetrics() {
    }

    /** Over a given meter (tests). */
    OpenTelemetryMetrics(Meter meter) {
        this.meter = meter;
    }

    /**
     * Whether MicroProfile Telemetry provides an {@code OpenTelemetry} whose meters record: not where the SDK is
     * disabled ({@code otel.sdk.disabled}, the MicroProfile default) nor where it has no metric reader (e.g. Payara
     * Micro's, built for tracing only): their meters are the API's no-op meter.
     */
    @Override
    public boolean usable() {
        return openTelemetry.isResolvable() && records(meter());
    }

    /** Whether a meter records (is not the API's no-op meter, which a disabled or reader-less SDK hands out). */
    static boolean records(Meter meter) {
        return meter != MeterProvider.noop().get(SCOPE)
                && !meter.getClass().getName().startsWith("io.opentelemetry.api.");
    }

    @Override
    public String api() {
        return "OpenTelemetry (MicroProfile Telemetry)";
    }

    @Override
    public void increment(String name, String... labels) {
        counters.computeIfAbsent(name, n -> meter().counterBuilder(n).build()).add(1, attributes(labels));
    }

    @Override
    public void record(String name, Duration duration, String... labels) {
        timers.computeIfAbsent(name, n -> meter().histogramBuilder(n).setUnit("s").build())
                .record(duration.toNanos() / 1e9, attributes(labels));
    }

    @Override
    public void gauge(String name, DoubleSupplier value, String... labels) {
        Attributes attributes = attributes(labels);
        meter().gaugeBuilder(name).buildWithCallback(m -> m.record(value.getAsDouble(), attributes));
    }

    private Meter meter() {
        Meter current = meter;
        if (current == null) {
            current = openTelemetry.get().getMeter(SCOPE);
            meter = current;
        }
        return current;
    }

    private static Attributes attributes(String... labels) {
        AttributesBuilder attributes = Attributes.builder();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            attributes.put(labels[i], labels[i + 1]);
        }
        return attributes.build();
    }
}
