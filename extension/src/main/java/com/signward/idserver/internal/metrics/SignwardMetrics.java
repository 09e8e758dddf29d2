package com.signward.idserver.internal.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Where the SDK counts what it does. Labels have few, fixed values (never a token, subject, e-mail or delivery id).
 * The instance in use is per class loader (per application: the jar lives in {@code WEB-INF/lib}); the default does
 * nothing. Implementations are thread-safe and never throw.
 */
public interface SignwardMetrics {

    /** Counts nothing. */
    SignwardMetrics NOOP = (name, labels) -> { };

    /**
     * Adds one to a counter.
     *
     * @param name   one of {@link MetricNames}
     * @param labels label names and values, alternating
     */
    void increment(String name, String... labels);

    /**
     * Records one duration in a timer (a histogram of seconds).
     *
     * @param name   one of {@link MetricNames}
     * @param labels label names and values, alternating
     */
    default void record(String name, Duration duration, String... labels) {
    }

    /**
     * Registers a gauge read when the metrics are collected (once per name and labels).
     *
     * @param name  one of {@link MetricNames}
     * @param value read by the backend; must be cheap and never throw
     */
    default void gauge(String name, DoubleSupplier value, String... labels) {
    }

    /** The metrics in use. */
    static SignwardMetrics current() {
        return Holder.current;
    }

    /** Replaces the metrics in use (the Jakarta integration does, at start-up, when a metrics API is present). */
    static void install(SignwardMetrics metrics) {
        Holder.current = Objects.requireNonNull(metrics, "metrics");
    }

    /** Counts, swallowing any failure of the metrics backend (metrics never break a request). */
    static void count(String name, String... labels) {
        try {
            Holder.current.increment(name, labels);
        } catch (RuntimeException ignored) {
            // a broken metrics backend must not change an answer
        }
    }

    /** Records a duration measured with {@link System#nanoTime()} since {@code startNanos}, swallowing failures. */
    static void time(String name, long startNanos, String... labels) {
        try {
            Holder.current.record(name, Duration.ofNanos(System.nanoTime() - startNanos), labels);
        } catch (RuntimeException ignored) {
            // a broken metrics backend must not change an answer
        }
    }

    /** The one mutable cell. */
    final class Holder {
        private static volatile SignwardMetrics current = NOOP;

        private Holder() {
        }
    }
}
