package com.signward.idserver.internal.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.signward.idserver.internal.jwt.JwksResponse;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpJwksFetcherTest {
    private final List<String> accepts = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves {@code /jwks} with this status, body and headers; returns its URL. */
    private URI serve(int status, String body, Map<String, String> headers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            accepts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            headers.forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    @Test
    void readsBodyAndMaxAge() throws Exception {
        URI uri = serve(200, "{\"keys\":[]}", Map.of("Content-Type", "application/jwk-set+json",
                "Cache-Control", "public, max-age=600, must-revalidate"));
        HttpJwksFetcher fetcher = new HttpJwksFetcher(HttpClient.newHttpClient(), () -> uri, Duration.ofSeconds(5));
        JwksResponse response = fetcher.fetch();
        assertEquals("{\"keys\":[]}", response.body());
        assertEquals(Optional.of(Duration.ofMinutes(10)), response.maxAge());
        assertTrue(accepts.get(0).contains("application/jwk-set+json"));
    }

    @Test
    void non2xxIsAnIOException() throws Exception {
        URI uri = serve(404, "nope", Map.of("Content-Type", "text/plain"));
        HttpJwksFetcher fetcher = new HttpJwksFetcher(HttpClient.newHttpClient(), () -> uri, Duration.ofSeconds(5));
        assertTrue(assertThrows(IOException.class, fetcher::fetch).getMessage().contains("HTTP 404"));
    }

    @Test
    void discoveryFailureIsAnIOException() {
        HttpJwksFetcher fetcher = new HttpJwksFetcher(HttpClient.newHttpClient(), () -> {
            throw ProviderException.discovery("down", null);
        }, Duration.ofSeconds(5));
        assertThrows(IOException.class, fetcher::fetch);
    }

    @Test
    void maxAgeParsing() {
        assertEquals(Optional.of(Duration.ofSeconds(60)), HttpJwksFetcher.maxAge(List.of("max-age=60")));
        assertEquals(Optional.of(Duration.ofSeconds(5)), HttpJwksFetcher.maxAge(List.of("no-cache", "Max-Age=\"5\"")));
        assertEquals(Optional.of(Duration.ZERO), HttpJwksFetcher.maxAge(List.of("private, max-age=0")));
        assertEquals(Optional.empty(), HttpJwksFetcher.maxAge(List.of("no-store")));
        assertEquals(Optional.empty(), HttpJwksFetcher.maxAge(List.of("max-age=soon")));
        assertEquals(Optional.empty(), HttpJwksFetcher.maxAge(List.of("max-age=-1")));
        assertEquals(Optional.empty(), HttpJwksFetcher.maxAge(List.of("s-maxage=60")));
        assertEquals(Optional.empty(), HttpJwksFetcher.maxAge(List.of()));
    }
}
