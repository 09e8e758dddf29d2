package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.metrics.SignwardMetrics;

/** Metrics over one optional runtime API ({@link OptionalApis}); installed at start-up when usable. */
interface MetricsBackend extends SignwardMetrics {

    /** Whether the runtime provides what this backend needs now (e.g. the {@code OpenTelemetry} bean). */
    boolean usable();

    /** The API's name, for the start-up log. */
    String api();
}
