package com.signward.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A runtime's metrics in the Prometheus text format, and the value of one counter in it. */
public record MetricsText(int status, String text) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern VALUE = Pattern.compile("\\}\\s+([0-9.Ee+-]+)\\s*$");

    /** GETs {@code url} with {@code Accept: text/plain}. */
    public static MetricsText fetch(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/plain").GET().build();
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new MetricsText(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The value of the first sample whose name starts with {@code name} and whose labels include every
     * {@code label="value"} given; 0 when there is none.
     */
    public double value(String name, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(name) && !line.startsWith("#"))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .map(VALUE::matcher).filter(Matcher::find)
                .mapToDouble(m -> Double.parseDouble(m.group(1)))
                .findFirst().orElse(0);
    }
}
