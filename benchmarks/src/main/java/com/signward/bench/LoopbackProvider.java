package com.signward.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal OpenID provider on 127.0.0.1: the discovery document and a JWKS ({@code Cache-Control: max-age=86400}),
 * nothing else. Counts requests so a run can show the JWKS was fetched once.
 */
public final class LoopbackProvider implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final AtomicInteger discoveryHits = new AtomicInteger();
    private final AtomicInteger jwksHits = new AtomicInteger();
    private final String jwks;

    /** @param port the port on 127.0.0.1, or 0 for any free one */
    public LoopbackProvider(int port, JsonWebKey... keys) throws IOException {
        jwks = new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 50);
        server.setExecutor(threads);
        server.createContext("/.well-known/openid-configuration", exchange -> {
            discoveryHits.incrementAndGet();
            String base = issuer();
            respond(exchange, "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/jwks\","
                    + "\"authorization_endpoint\":\"" + base + "/connect/authorize\","
                    + "\"token_endpoint\":\"" + base + "/connect/token\","
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES256\"]}");
        });
        server.createContext("/jwks", exchange -> {
            jwksHits.incrementAndGet();
            exchange.getResponseHeaders().add("Cache-Control", "max-age=86400");
            respond(exchange, jwks);
        });
        server.start();
    }

    /** @return {@code http://127.0.0.1:port}, the issuer and authority */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int discoveryHits() {
        return discoveryHits.get();
    }

    public int jwksHits() {
        return jwksHits.get();
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
