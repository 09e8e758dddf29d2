package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.metrics.SignwardMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * {@link SignwardMetrics} over MicroProfile Metrics (the application registry): each counter name is a counter, each
 * timer a timer, each gauge a gauge, each label a tag. Added by {@link SignwardExtension} only when the runtime has
 * the Metrics API (and no OpenTelemetry, see {@link OptionalApis}) and installed at start-up; nothing else refers to
 * this class, so it is never loaded without the API.
 */
@ApplicationScoped
public class MicroProfileMetrics implements MetricsBackend {

    @Inject
    MetricRegistry registry;

    @Override
    public boolean usable() {
        return true;
    }

    @Override
    public String api() {
        return "MicroProfile Metrics";
    }

    @Override
    public void increment(String name, String... labels) {
        registry.counter(name, tags(labels)).inc();
    }

    @Override
    public void record(String name, Duration duration, String... labels) {
        registry.timer(name, tags(labels)).update(duration);
    }

    @Override
    public void gauge(String name, DoubleSupplier value, String... labels) {
        registry.gauge(name, value::getAsDouble, tags(labels));
    }

    private static Tag[] tags(String... labels) {
        Tag[] tags = new Tag[labels.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(labels[2 * i], labels[2 * i + 1]);
        }
        return tags;
    }
}
