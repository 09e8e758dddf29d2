package com.signward.it.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A downstream service on 127.0.0.1 for propagation tests: answers every request 200 and records the
 * {@code Authorization} header it received (or none).
 */
public final class EchoServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Optional<String>> received = new CopyOnWriteArrayList<>();

    public EchoServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = "{\"echo\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://<host>:<port>/echo}: the same server under another host name, e.g. {@code localhost}. */
    public String url(String host) {
        return "http://" + host + ":" + server.getAddress().getPort() + "/echo";
    }

    /** The {@code Authorization} headers received so far, oldest first; then forgets them. */
    public List<Optional<String>> take() {
        List<Optional<String>> taken = List.copyOf(received);
        received.removeAll(taken);
        return taken;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
