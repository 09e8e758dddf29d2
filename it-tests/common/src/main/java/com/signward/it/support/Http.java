package com.signward.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small HTTP client for the tests (JDK java.net.http). */
public final class Http {

    // HTTP/1.1: no h2c upgrade attempts on plain http (as a typical API client)
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI base;

    /** Calls relative to the deployment's base URL (as injected by {@code @ArquillianResource}). */
    public Http(URL base) {
        String s = base.toExternalForm();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
    }

    /** GET without credentials. */
    public Response get(String path) {
        return send(request(path).GET().build());
    }

    /** GET with {@code Authorization: Bearer <token>}. */
    public Response get(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).GET().build());
    }

    /** GET with a raw {@code Authorization} header value. */
    public Response getWithAuthorization(String path, String authorization) {
        return send(request(path).header("Authorization", authorization).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("WWW-Authenticate"),
                    r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the tests look at. */
    public record Response(int status, Optional<String> wwwAuthenticate, String contentType, String body,
                           Optional<String> retryAfter) {

        /** The body as a JSON object (fails the test when it is not one). */
        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("body is not a JSON object (status " + status + "): " + abbreviated(), e);
            }
        }

        /** For assertion messages. */
        public String describe() {
            return "status " + status + ", WWW-Authenticate " + wwwAuthenticate.orElse("<none>")
                    + ", Content-Type " + contentType + ", body " + abbreviated();
        }

        private String abbreviated() {
            return body.length() > 500 ? body.substring(0, 500) + "..." : body;
        }
    }
}
