package com.signward.idserver.internal.jwt;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import org.jose4j.jwk.JsonWebKey;

/**
 * A JWKS endpoint on 127.0.0.1 that the test controls ({@code /jwks}), plus an "attacker" endpoint
 * ({@code /attacker}) that must never be called. Counts requests per path.
 */
final class JwksHttpServer implements AutoCloseable {
    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

    private final HttpServer server;
    private final AtomicInteger jwksHits = new AtomicInteger();
    private final AtomicInteger attackerHits = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String body;
    private volatile String cacheControl;
    private volatile int status = 200;

    JwksHttpServer(JsonWebKey... keys) throws IOException {
        serve(keys);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/jwks", exchange -> {
            jwksHits.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (cacheControl != null) {
                exchange.getResponseHeaders().add("Cache-Control", cacheControl);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/attacker", exchange -> {
            attackerHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    void serve(JsonWebKey... keys) {
        body = CountingFetcher.jwks(List.of(keys));
    }

    void cacheControl(String value) {
        cacheControl = value;
    }

    void status(int code) {
        status = code;
    }

    int jwksHits() {
        return jwksHits.get();
    }

    int attackerHits() {
        return attackerHits.get();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** A fetcher like the client's: GET, non-2xx fails, {@code Cache-Control: max-age} read. */
    JwksFetcher fetcher() {
        return () -> {
            HttpResponse<String> response;
            try {
                response = client.send(HttpRequest.newBuilder(uri("/jwks")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException("JWKS endpoint returned HTTP " + response.statusCode());
            }
            Optional<Duration> maxAge = response.headers().firstValue("Cache-Control").map(MAX_AGE::matcher)
                    .filter(Matcher::find).map(m -> Duration.ofSeconds(Long.parseLong(m.group(1))));
            return new JwksResponse(response.body(), maxAge);
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
