package com.signward.idserver;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A provider on 127.0.0.1 built on the JDK HttpServer, answering each path as the test says (to
 * misbehave on purpose) and recording every request. By default it serves a discovery document
 * whose issuer is the authority and whose endpoints are Signward's {@code /connect/*} paths.
 */
final class FakeProvider implements AutoCloseable {

    static final String DISCOVERY = "/.well-known/openid-configuration";

    record Request(String method, String path, String query, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    record Response(int status, String contentType, String body, Map<String, String> headers) {
        static Response json(int status, String body) {
            return new Response(status, "application/json", body, Map.of());
        }
    }

    @FunctionalInterface
    interface Responder {
        Response respond(Request request) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        on(DISCOVERY, r -> Response.json(200, discovery().build().toString()));
    }

    String authority() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The standard document: issuer = authority, endpoints under /connect. */
    JsonObjectBuilder discovery() {
        String a = authority();
        return Json.createObjectBuilder()
                .add("issuer", a)
                .add("authorization_endpoint", a + "/connect/authorize")
                .add("token_endpoint", a + "/connect/token")
                .add("userinfo_endpoint", a + "/connect/userinfo")
                .add("revocation_endpoint", a + "/connect/revoke")
                .add("end_session_endpoint", a + "/connect/endsession")
                .add("jwks_uri", a + "/.well-known/jwks.json");
    }

    FakeProvider on(String path, Responder responder) {
        routes.put(path, responder);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    long count(String path) {
        return requests(path).size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
            requests.add(request);
            Responder responder = routes.get(request.path());
            Response response;
            try {
                response = responder == null ? Response.json(404, "{\"error\":\"not_found\"}")
                        : responder.respond(request);
            } catch (Exception e) {
                response = new Response(500, "text/plain", "test responder failed: " + e, Map.of());
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
