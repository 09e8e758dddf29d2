package com.signward.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A minimal OpenID provider on 127.0.0.1 whose answers a test switches: a discovery document with the members
 * the test gives, and a JWKS (one RSA key, {@value #KEY_ID}) that answers or fails with 500. For operations tests
 * (self-check, health) where the provider must lack something or go down.
 */
public final class StubProvider implements AutoCloseable {

    /** The key id of the one signing key. */
    public static final String KEY_ID = "stub-key-1";

    private final HttpServer server;
    private final String authority;
    private final KeyPair keys;
    private volatile boolean jwksUp = true;

    /**
     * @param name  the path of the authority, e.g. {@code stub}
     * @param extra discovery members besides {@code issuer} and {@code jwks_uri}, as raw JSON values
     */
    public StubProvider(String name, Map<String, String> extra) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        authority = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
        String members = extra.entrySet().stream().map(e -> ",\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining());
        String discovery = "{\"issuer\":\"" + authority + "\",\"jwks_uri\":\"" + authority + "/jwks\"" + members + "}";
        server.createContext("/" + name + "/.well-known/openid-configuration", exchange -> send(exchange, 200, discovery));
        server.createContext("/" + name + "/jwks", exchange -> {
            if (jwksUp) {
                send(exchange, 200, jwks());
            } else {
                send(exchange, 500, "{}");
            }
        });
        server.start();
    }

    /** {@code http://127.0.0.1:<port>/<name>}: the value for {@code signward.authority}. */
    public String authority() {
        return authority;
    }

    /** The private signing key, for {@code Tokens.forIssuer(user, authority(), signingKey(), KEY_ID)}. */
    public Key signingKey() {
        return keys.getPrivate();
    }

    /** Whether the JWKS endpoint answers (else 500). */
    public void jwksUp(boolean up) {
        jwksUp = up;
    }

    private String jwks() {
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) keys.getPublic());
        jwk.setKeyId(KEY_ID);
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return new JsonWebKeySet(jwk).toJson();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
