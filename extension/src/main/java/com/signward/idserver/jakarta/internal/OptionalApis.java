package com.signward.idserver.jakarta.internal;

/**
 * Which optional MicroProfile APIs the runtime offers the application. The classes that use one are loaded by name,
 * only after it was found here, so the jar never fails to load where an API is absent.
 */
final class OptionalApis {

    static final String HEALTH = "org.eclipse.microprofile.health.HealthCheck";
    static final String METRICS = "org.eclipse.microprofile.metrics.MetricRegistry";
    static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";

    private OptionalApis() {
    }

    /** Whether MicroProfile Health is present. */
    static boolean health() {
        return present(HEALTH);
    }

    /** Whether MicroProfile Metrics is present. */
    static boolean metrics() {
        return present(METRICS);
    }

    /** Whether the OpenTelemetry API is visible to the application (MicroProfile Telemetry). */
    static boolean openTelemetry() {
        return present(OPEN_TELEMETRY);
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, OptionalApis.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** Loads one of the jar's own integration classes (after its API was found present). */
    static Class<?> load(String className) {
        try {
            return Class.forName(className, true, OptionalApis.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("missing class of the jar: " + className, e);
        }
    }
}
