package com.signward.examples.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the login needs one: cookies, HTML accepted, redirects followed one by one (a redirect to a
 * POST becomes a GET), forms posted URL-encoded.
 */
final class Browser {

    private static final int MAX_REDIRECTS = 10;
    private static final Pattern LOGIN_FORM = Pattern.compile(
            "<form id=\"fake-signward-login\" method=\"post\" action=\"([^\"]*)\">(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Where the browser ended, and how. */
    record Page(URI uri, int status, String body, List<URI> visited) {
        String describe() {
            return status + " " + uri + " after " + visited + ":\n" + (body.length() > 800 ? body.substring(0, 800) : body);
        }
    }

    /** GET, following redirects. */
    Page open(String url) {
        return follow(request(URI.create(url)).GET().build(), uri -> true);
    }

    /** POST of a form, following redirects. */
    Page submit(URI url, Map<String, String> form) {
        return follow(post(url, form), uri -> true);
    }

    /** POST of a form, following redirects while they stay on hosts where {@code stayOn} holds. */
    Page submit(URI url, Map<String, String> form, Predicate<URI> stayOn) {
        return follow(post(url, form), stayOn);
    }

    /** The provider's login page: press the button of the demo user with this short name. */
    Page logIn(Page loginPage, String userName) {
        return logIn(loginPage, userName, uri -> true);
    }

    /** The same, following redirects while they stay on hosts where {@code stayOn} holds. */
    Page logIn(Page loginPage, String userName, Predicate<URI> stayOn) {
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        if (!form.find()) {
            throw new AssertionError("no login form: " + loginPage.describe());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(form.group(2));
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        DemoUser user = DemoUser.ALL.stream().filter(u -> u.login().equals(userName)).findFirst()
                .orElseThrow(() -> new AssertionError("no demo user " + userName));
        fields.put("login_user", user.sub());
        return submit(loginPage.uri().resolve(form.group(1)), fields, stayOn);
    }

    private HttpRequest post(URI url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        // a form on the site's own page, as browsers send it: with the page's Origin
        return request(url).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", url.getScheme() + "://" + url.getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private Page follow(HttpRequest first, Predicate<URI> stayOn) {
        List<URI> visited = new ArrayList<>();
        HttpRequest request = first;
        for (int i = 0; ; i++) {
            visited.add(request.uri());
            HttpResponse<String> response = send(request);
            int status = response.statusCode();
            URI location = response.headers().firstValue("Location").map(request.uri()::resolve).orElse(null);
            if (status / 100 != 3 || location == null || !stayOn.test(location)) {
                return new Page(location != null && status / 100 == 3 ? location : request.uri(), status,
                        response.body(), visited);
            }
            if (i == MAX_REDIRECTS) {
                throw new AssertionError("too many redirects: " + visited);
            }
            request = request(location).GET().build();
        }
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
