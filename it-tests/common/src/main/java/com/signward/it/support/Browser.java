package com.signward.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser as far as login is concerned: cookies (one jar per instance), HTTP/1.1, {@code Accept: text/html} by
 * default, and no automatic redirects: a test follows each hop itself ({@link #follow}) and can look at it.
 * Thread-safe: several requests of one browser may run at once (they share its cookies).
 */
public final class Browser {

    /** What a browser sends for a page navigation. */
    public static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .build();

    /** GET as a page navigation; {@code headers} are extra name/value pairs (they replace {@code Accept}). */
    public Page get(URI uri, String... headers) {
        return send(request(uri, headers).GET().build());
    }

    /** POST of a form ({@code application/x-www-form-urlencoded}), as a form submission. */
    public Page post(URI uri, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(uri, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Follows a redirect (GET of its {@code Location}, resolved against the URL that answered). */
    public Page follow(Page redirect) {
        assertTrue(redirect.isRedirect(), () -> "not a redirect: " + redirect.describe());
        return get(redirect.location());
    }

    /** The value of the cookie {@code name} this browser would send to {@code uri}. */
    public Optional<String> cookie(URI uri, String name) {
        return cookies.getCookieStore().get(uri).stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** Replaces the cookie {@code name} for {@code uri} (as an attacker who planted it would). */
    public void setCookie(URI uri, String name, String value) {
        List<HttpCookie> existing = new ArrayList<>(cookies.getCookieStore().get(uri));
        String path = "/";
        for (HttpCookie c : existing) {
            if (c.getName().equals(name)) {
                path = c.getPath() == null ? "/" : c.getPath();
                cookies.getCookieStore().remove(uri, c);
            }
        }
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath(path);
        cookie.setVersion(0);
        cookies.getCookieStore().add(uri, cookie);
    }

    private static HttpRequest.Builder request(URI uri, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        boolean accept = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
            accept |= headers[i].equalsIgnoreCase("Accept");
        }
        if (!accept) {
            builder.header("Accept", HTML);
        }
        return builder;
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(request.method(), request.uri(), r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * One response.
     *
     * @param method  the request's method
     * @param uri     the URL that answered
     * @param status  the status code
     * @param headers the response headers
     * @param body    the body as text
     */
    public record Page(String method, URI uri, int status, HttpHeaders headers, String body) {

        /** 301, 302, 303, 307 or 308. */
        public boolean isRedirect() {
            return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        }

        /** The {@code Location} header as sent (fails when absent). */
        public String rawLocation() {
            return header("Location").orElseThrow(() -> new AssertionError("no Location: " + describe()));
        }

        /** The {@code Location} resolved against {@link #uri()}. */
        public URI location() {
            return uri.resolve(rawLocation());
        }

        /** The first value of a header. */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** For assertion messages. */
        public String describe() {
            String b = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "..." : body;
            return method + " " + uri + " -> " + status + " " + headers.map() + " " + b;
        }
    }
}
