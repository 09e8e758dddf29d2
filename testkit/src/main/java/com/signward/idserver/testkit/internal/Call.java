package com.signward.idserver.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One HTTP exchange: the request as read (and recorded) once, and the ways to answer it. */
public final class Call {

    private final HttpExchange exchange;
    private final Request request;

    private Call(HttpExchange exchange, Request request) {
        this.exchange = exchange;
        this.request = request;
    }

    /** Reads the request (query, headers, body); its path is recorded below {@code basePath}. */
    public static Call read(HttpExchange exchange, String basePath) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> form = new LinkedHashMap<>();
        parse(query, form);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            parse(body, form);
        }
        String path = exchange.getRequestURI().getRawPath();
        return new Call(exchange, new Request(exchange.getRequestMethod(),
                path.startsWith(basePath) ? path.substring(basePath.length()) : path, query, headers, body, form));
    }

    /** The request as recorded. */
    public Request request() {
        return request;
    }

    /** The first value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        List<String> values = request.headers().get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A parameter (query or form body); empty when absent or sent more than once (RFC 6749 3.1). */
    public Optional<String> param(String name) {
        List<String> values = request.form().get(name);
        return values == null || values.size() != 1 ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A parameter or {@code null}. */
    public String paramOrNull(String name) {
        return param(name).orElse(null);
    }

    /** Whether the method is {@code method}. */
    public boolean is(String method) {
        return request.method().equalsIgnoreCase(method);
    }

    /** A JSON answer, not stored. */
    public void json(int status, JsonObject body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(status, "application/json", body.toString());
    }

    /** A JSON answer from an already serialised document. */
    public void jsonText(int status, String body) throws IOException {
        send(status, "application/json", body);
    }

    /** An OAuth error answer ({@code {"error": ..., "error_description": ...}}). */
    public void error(int status, String error, String description) throws IOException {
        if (status == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"fake-signward\"");
        }
        json(status, Json.createObjectBuilder().add("error", error).add("error_description", description).build());
    }

    /** A small HTML page. */
    public void html(int status, String html) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(status, "text/html; charset=utf-8", html);
    }

    /** A 302 to {@code location}. */
    public void redirect(String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** An answer with status and headers only. */
    public void status(int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Adds a response header. */
    public void header(String name, String value) {
        exchange.getResponseHeaders().add(name, value);
    }

    private void send(int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Appends {@code name=value} pairs (skipping {@code null} values) to a URL's query. */
    public static String withQuery(String url, Map<String, String> params) {
        StringBuilder s = new StringBuilder(url);
        char separator = url.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getValue() != null) {
                s.append(separator).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
                separator = '&';
            }
        }
        return s.toString();
    }

    /** Form-urlencoding of one value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Parses {@code a=1&b=2} into {@code into}. */
    public static void parse(String encoded, Map<String, List<String>> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
