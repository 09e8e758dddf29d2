package com.signward.idserver.web;

import com.signward.idserver.SignwardClient;
import com.signward.idserver.SignwardOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider on the JDK HTTP server that serves only discovery and a JWKS with one RSA key, so tests can craft
 * ID tokens themselves. Extra routes can answer fixed JSON.
 */
final class FakeProvider implements AutoCloseable {

    static final String CLIENT_ID = "web-app";
    static final String CLIENT_SECRET = "a-client-secret-that-is-long-enough-for-hs512-0123456789abcdefgh";
    static final RsaJsonWebKey KEY = rsa("key-1");
    static final RsaJsonWebKey OTHER_KEY = rsa("key-1");

    private final HttpServer server;
    private final String issuer;
    private final Map<String, String> routes = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    FakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        routes.put("/.well-known/openid-configuration", "{\"issuer\":\"" + issuer + "\","
                + "\"authorization_endpoint\":\"" + issuer + "/authorize\",\"token_endpoint\":\"" + issuer + "/token\","
                + "\"userinfo_endpoint\":\"" + issuer + "/userinfo\",\"jwks_uri\":\"" + issuer + "/jwks\","
                + "\"end_session_endpoint\":\"" + issuer + "/logout\"}");
        routes.put("/jwks", new JsonWebKeySet(KEY).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        server.createContext("/", this::answer);
        server.start();
    }

    String issuer() {
        return issuer;
    }

    SignwardOptions options(boolean withSecret) {
        SignwardOptions.Builder options = SignwardOptions.builder().authority(issuer).clientId(CLIENT_ID);
        if (withSecret) {
            options.clientSecret(CLIENT_SECRET);
        }
        return options.build();
    }

    SignwardClient client(boolean withSecret) {
        return new SignwardClient(options(withSecret));
    }

    /** Answers {@code path} with a fixed status and JSON body. */
    void respond(String path, int status, String body) {
        routes.put(path, body);
        statuses.put(path, status);
    }

    /** @return how many requests reached the token endpoint */
    int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/token")) {
            requests.incrementAndGet();
        }
        exchange.getRequestBody().readAllBytes();
        String body = routes.get(path);
        byte[] bytes = (body == null ? "{\"error\":\"not_found\"}" : body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(body == null ? 404 : statuses.getOrDefault(path, 200), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static RsaJsonWebKey rsa(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
