package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.metrics.MetricNames;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenTelemetry backend over the real SDK: counters, timers in seconds and gauges, labels as attributes. */
class OpenTelemetryMetricsTest {

    private final Reader reader = new Reader();
    private final SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader).build();
    private final OpenTelemetryMetrics metrics = new OpenTelemetryMetrics(provider.get(OpenTelemetryMetrics.SCOPE));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void countersAddOnePerCallPerLabelSet() {
        metrics.increment(MetricNames.TOKENS_VALIDATED, "cache", "miss");
        metrics.increment(MetricNames.TOKENS_VALIDATED, "cache", "hit");
        metrics.increment(MetricNames.TOKENS_VALIDATED, "cache", "hit");
        MetricData counter = metric(MetricNames.TOKENS_VALIDATED);
        assertEquals(OpenTelemetryMetrics.SCOPE, counter.getInstrumentationScopeInfo().getName());
        assertEquals(2, point(counter, "cache", "hit").getValue());
        assertEquals(1, point(counter, "cache", "miss").getValue());
    }

    @Test
    void timersRecordSeconds() {
        metrics.record(MetricNames.TOKEN_VALIDATION, Duration.ofMillis(250), "outcome", "accepted");
        metrics.record(MetricNames.TOKEN_VALIDATION, Duration.ofMillis(750), "outcome", "accepted");
        MetricData timer = metric(MetricNames.TOKEN_VALIDATION);
        assertEquals("s", timer.getUnit());
        HistogramPointData point = timer.getHistogramData().getPoints().iterator().next();
        assertEquals(2, point.getCount());
        assertEquals(1.0, point.getSum(), 1e-9);
        assertEquals("accepted", point.getAttributes().get(AttributeKey.stringKey("outcome")));
    }

    @Test
    void gaugesAreReadAtCollection() {
        double[] value = {0};
        metrics.gauge(MetricNames.JWKS_STALE_SECONDS, () -> value[0]);
        value[0] = 42.5;
        MetricData gauge = metric(MetricNames.JWKS_STALE_SECONDS);
        assertEquals(42.5, gauge.getDoubleGaugeData().getPoints().iterator().next().getValue(), 1e-9);
    }

    @Test
    void aDisabledOrReaderlessSdkIsNotUsed() {
        assertFalse(OpenTelemetryMetrics.records(OpenTelemetry.noop().getMeter(OpenTelemetryMetrics.SCOPE)),
                "otel.sdk.disabled: the no-op OpenTelemetry");
        try (SdkMeterProvider readerless = SdkMeterProvider.builder().build()) {
            assertFalse(OpenTelemetryMetrics.records(readerless.get(OpenTelemetryMetrics.SCOPE)), "no reader");
        }
        assertTrue(OpenTelemetryMetrics.records(provider.get(OpenTelemetryMetrics.SCOPE)));
    }

    private MetricData metric(String name) {
        return reader.collect().stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    private static LongPointData point(MetricData counter, String label, String value) {
        assertTrue(counter.getLongSumData().isMonotonic());
        return counter.getLongSumData().getPoints().stream()
                .filter(p -> value.equals(p.getAttributes().get(AttributeKey.stringKey(label)))).findFirst()
                .orElseThrow(() -> new AssertionError("no point " + label + "=" + value));
    }

    /** Collects on demand (the SDK's own in-memory reader is in a testing artifact). */
    private static final class Reader implements MetricReader {
        private volatile CollectionRegistration registration = CollectionRegistration.noop();

        Collection<MetricData> collect() {
            return registration.collectAllMetrics();
        }

        @Override
        public void register(CollectionRegistration registration) {
            this.registration = registration;
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode forceFlush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
