package com.signward.idserver.internal.oidc;

import com.signward.idserver.internal.jwt.JwksFetcher;
import com.signward.idserver.internal.jwt.JwksResponse;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** Fetches the JWKS over HTTP from the {@code jwks_uri} of the current discovery document. */
final class HttpJwksFetcher implements JwksFetcher {

    private final HttpClient http;
    private final Supplier<URI> jwksUri;
    private final Duration timeout;

    HttpJwksFetcher(HttpClient http, Supplier<URI> jwksUri, Duration timeout) {
        this.http = http;
        this.jwksUri = jwksUri;
        this.timeout = timeout;
    }

    @Override
    public JwksResponse fetch() throws IOException {
        URI uri;
        try {
            uri = jwksUri.get();
        } catch (ProviderException e) {
            throw new IOException("no JWKS URL: " + e.getMessage(), e);
        }
        HttpResponse<String> response;
        try {
            var request = Http.request(uri, timeout)
                    .setHeader("Accept", "application/jwk-set+json, application/json")
                    .GET()
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + uri);
        }
        if (!Http.isSuccess(response.statusCode())) {
            throw new IOException("JWKS endpoint " + uri + " answered HTTP " + response.statusCode());
        }
        return new JwksResponse(response.body(), maxAge(response.headers().allValues("Cache-Control")));
    }

    /** The {@code max-age} directive of {@code Cache-Control} header values, if any. */
    static Optional<Duration> maxAge(Iterable<String> cacheControl) {
        for (String header : cacheControl) {
            for (String directive : header.split(",")) {
                String d = directive.strip().toLowerCase(Locale.ROOT);
                if (d.startsWith("max-age=")) {
                    String seconds = d.substring("max-age=".length()).replace("\"", "").strip();
                    try {
                        long value = Long.parseLong(seconds);
                        return value < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(value));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }
}
