package com.signward.idserver.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;

/** Base of the endpoint handlers: reads and records the request, then answers it. */
abstract class Endpoint implements HttpHandler {

    protected final Provider provider;
    private final String basePath;

    Endpoint(Provider provider, String basePath) {
        this.provider = provider;
        this.basePath = basePath;
    }

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Call call = Call.read(exchange, basePath);
            provider.record(call.request());
            try {
                answer(call);
            } catch (RuntimeException e) {
                call.error(500, "server_error", "the fake provider failed: " + e.getClass().getSimpleName());
            }
        }
    }

    /** Answers the request. */
    abstract void answer(Call call) throws IOException;
}
