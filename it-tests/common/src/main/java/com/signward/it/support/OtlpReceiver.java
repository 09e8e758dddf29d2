package com.signward.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector stand-in on 127.0.0.1: receives OTLP metrics over HTTP ({@code http/protobuf}, POST
 * {@code /v1/metrics}) and keeps the latest value of each series: sums and gauges their value, histograms their count.
 * The SDK exports cumulative values, so the latest export is the total.
 */
public final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    /** "name{label=value,...}" (labels sorted) to the latest value. */
    private final Map<String, Double> latest = new ConcurrentHashMap<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free port of 127.0.0.1. */
    public static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL for {@code otel.exporter.otlp.endpoint}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
            }
            if (exchange.getRequestURI().getPath().endsWith("/v1/metrics")) {
                record(ExportMetricsServiceRequest.parseFrom(body));
            }
            byte[] answer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void record(ExportMetricsServiceRequest request) {
        for (ResourceMetrics resource : request.getResourceMetricsList()) {
            for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                for (Metric metric : scope.getMetricsList()) {
                    switch (metric.getDataCase()) {
                        case SUM -> metric.getSum().getDataPointsList().forEach(p ->
                                latest.put(key(metric.getName(), p.getAttributesList()), number(p)));
                        case GAUGE -> metric.getGauge().getDataPointsList().forEach(p ->
                                latest.put(key(metric.getName(), p.getAttributesList()), number(p)));
                        case HISTOGRAM -> metric.getHistogram().getDataPointsList().forEach(p ->
                                latest.put(key(metric.getName(), p.getAttributesList()), (double) p.getCount()));
                        default -> { }
                    }
                }
            }
        }
    }

    private static double number(NumberDataPoint point) {
        return point.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? point.getAsInt() : point.getAsDouble();
    }

    private static String key(String name, List<KeyValue> attributes) {
        Map<String, String> sorted = new TreeMap<>();
        attributes.forEach(a -> sorted.put(a.getKey(), a.getValue().getStringValue()));
        return name + sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * The latest value of the series {@code name} whose labels include every {@code label=value} given (a histogram:
     * its count); 0 when none was received.
     */
    public double value(String name, String... labels) {
        return latest.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "{"))
                .filter(e -> List.of(labels).stream().allMatch(l ->
                        Pattern.compile("[{,]" + Pattern.quote(l) + "[,}]").matcher(e.getKey()).find()))
                .mapToDouble(Map.Entry::getValue).findFirst().orElse(0);
    }

    /** Waits (polling, up to {@code timeout}) until {@link #value} reaches {@code expected}; returns the last value. */
    public double await(double expected, Duration timeout, String name, String... labels) {
        Instant end = Instant.now().plus(timeout);
        double value = value(name, labels);
        while (value < expected && Instant.now().isBefore(end)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = value(name, labels);
        }
        return value;
    }

    /** Everything received, for assertion messages. */
    public String describe() {
        return new TreeMap<>(latest).toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
