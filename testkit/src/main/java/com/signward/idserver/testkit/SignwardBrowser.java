package com.signward.idserver.testkit;

import com.signward.idserver.testkit.internal.Call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for login flows, without Selenium: a cookie jar, redirects followed (each hop kept in
 * {@link Page#hops()}), and the fake's login form completed for the user chosen with {@link #choosing(String)}
 * (with {@link FakeSignward#loginAs} no form appears at all). Thread-safe.
 * <pre>{@code
 * SignwardBrowser browser = new SignwardBrowser();
 * SignwardBrowser.Page profile = browser.get(URI.create(app + "/profile")); // login, callback, back to /profile
 * }</pre>
 */
public final class SignwardBrowser {

    private static final int MAX_HOPS = 20;
    private static final Pattern FORM = Pattern.compile(
            "<form id=\"fake-signward-login\" method=\"post\" action=\"([^\"]*)\">(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();
    private volatile String chosenUser;

    /**
     * A page after all redirects.
     *
     * @param uri     the URL that answered last
     * @param status  its status
     * @param headers its headers
     * @param body    its body
     * @param hops    every URL requested on the way, the first one first
     */
    public record Page(URI uri, int status, HttpHeaders headers, String body, List<URI> hops) {
    }

    /** The user id to pick when the fake shows its login form. */
    public SignwardBrowser choosing(String userId) {
        this.chosenUser = userId;
        return this;
    }

    /** GET, following redirects (and completing the fake's login form). */
    public Page get(URI uri, String... headers) {
        return follow(build(uri, headers).GET().build(), new ArrayList<>());
    }

    /** POST of a form, following redirects. */
    public Page post(URI uri, Map<String, String> form, String... headers) {
        return follow(formRequest(uri, form, headers), new ArrayList<>());
    }

    private Page follow(HttpRequest request, List<URI> hops) {
        HttpRequest next = request;
        for (int i = 0; i < MAX_HOPS; i++) {
            hops.add(next.uri());
            HttpResponse<String> response = send(next);
            int status = response.statusCode();
            var location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && location.isPresent()) {
                next = build(next.uri().resolve(location.get())).GET().build();
                continue;
            }
            Matcher form = FORM.matcher(response.body() == null ? "" : response.body());
            if (status == 200 && chosenUser != null && form.find()) {
                Map<String, String> fields = new LinkedHashMap<>();
                Matcher hidden = HIDDEN.matcher(form.group(2));
                while (hidden.find()) {
                    fields.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
                }
                fields.put("login_user", chosenUser);
                next = formRequest(next.uri().resolve(unescape(form.group(1))), fields);
                continue;
            }
            return new Page(next.uri(), status, response.headers(), response.body(), List.copyOf(hops));
        }
        throw new IllegalStateException("more than " + MAX_HOPS + " redirects: " + hops);
    }

    private HttpRequest formRequest(URI uri, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream().map(e -> Call.encode(e.getKey()) + "=" + Call.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return build(uri, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest.Builder build(URI uri, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        boolean accept = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
            accept |= headers[i].equalsIgnoreCase("Accept");
        }
        if (!accept) {
            builder.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
