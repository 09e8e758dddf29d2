package com.signward.examples.demo;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the demo (local provider + Payara Micro with both examples) in its own JVM, logs in on the provider's login
 * page (the test kit's fake Signward) as the demo users, checks what each example shows them, and stops the demo the way Ctrl-C does. The demo
 * lives 115 s at most, so the whole class ends within two minutes, and is killed even when a test fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DemoIT {

    private static final HttpClient API_CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static DemoProcess demo;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = DemoProcess.start(Duration.ofSeconds(80), Duration.ofSeconds(115));
    }

    @AfterAll
    static void killLeftovers() {
        if (demo != null) {
            demo.kill();
        }
    }

    @Test
    @Order(1)
    void bannerShowsUrlsAndUsers() {
        String console = demo.console();
        assertTrue(console.contains(demo.baseUrl() + "/webapp/"), console);
        assertTrue(console.contains(demo.baseUrl() + "/bearer-api/me"), console);
        assertTrue(console.contains(demo.baseUrl() + "/gateway-api/profile"), console);
        assertTrue(console.contains(demo.authority()), console);
        assertTrue(console.contains("alice") && console.contains("[admin]"), console);
        assertTrue(console.contains("bob") && console.contains("[editor]"), console);
    }

    @Test
    @Order(2)
    void aliceLogsInSeesTheAdminPageAndLogsOut() {
        Browser browser = new Browser();
        Browser.Page login = browser.open(demo.baseUrl() + "/webapp/admin");
        assertLoginPage(login);

        Browser.Page admin = browser.logIn(login, "alice");
        assertEquals(200, admin.status(), admin::describe);
        assertEquals(URI.create(demo.baseUrl() + "/webapp/admin"), admin.uri(), admin::describe);
        assertTrue(admin.body().contains("Admin area") && admin.body().contains("Alice Anderson"), admin::describe);

        Browser.Page home = browser.open(demo.baseUrl() + "/webapp/");
        assertTrue(home.body().contains("Hello Alice Anderson"), home::describe);
        Browser.Page profile = browser.open(demo.baseUrl() + "/webapp/profile");
        assertTrue(profile.body().contains("alice@example.com") && profile.body().contains(DemoUser.TENANT_ID),
                profile::describe);
        assertTrue(profile.body().contains("Token expires") && profile.body().contains(">sub<"),
                profile::describe);

        Browser.Page afterLogout = browser.submit(URI.create(demo.baseUrl() + "/webapp/auth/logout"), Map.of());
        assertEquals(200, afterLogout.status(), afterLogout::describe);
        assertEquals(URI.create(demo.baseUrl() + "/webapp/"), afterLogout.uri(), afterLogout::describe); // no ?state
        assertTrue(afterLogout.visited().stream().anyMatch(uri -> uri.getPath().endsWith("/signward/connect/endsession")),
                afterLogout::describe);
        assertTrue(afterLogout.body().contains("You are not signed in"), afterLogout::describe);
        assertLoginPage(browser.open(demo.baseUrl() + "/webapp/profile"));
    }

    @Test
    @Order(3)
    void bobIsForbiddenOnTheAdminPage() {
        Browser browser = new Browser();
        Browser.Page admin = browser.logIn(browser.open(demo.baseUrl() + "/webapp/admin"), "bob");
        assertEquals(403, admin.status(), admin::describe);
        assertTrue(admin.body().contains("Bob Brown") && admin.body().contains("needs a role"), admin::describe);

        Browser.Page profile = browser.open(demo.baseUrl() + "/webapp/profile");
        assertEquals(200, profile.status(), profile::describe);
        assertTrue(profile.body().contains("editor"), profile::describe);
    }

    @Test
    @Order(4)
    void aliceTokenOpensEveryApiEndpoint() {
        String token = accessToken("alice");
        HttpResponse<String> me = api("/me", token);
        assertEquals(200, me.statusCode(), me::body);
        JsonObject body = json(me);
        assertEquals("alice@example.com", body.getString("email"));
        assertEquals(DemoUser.TENANT_ID, body.getString("tenant_id"));
        assertEquals(List.of("admin"), strings(body, "roles"));
        assertEquals(List.of("billing"), strings(body, "custom_roles"));
        for (String path : List.of("/admin", "/editors-or-admins", "/billing-admin-only")) {
            HttpResponse<String> response = api(path, token);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            assertTrue(json(response).getBoolean("ok"), path);
        }
    }

    /** The gateway API calls the bearer API's /me with the caller's token (SignwardTokenPropagation). */
    @Test
    @Order(5)
    void theGatewayCallsTheBearerApiWithTheCallersToken() {
        String token = accessToken("bob");
        HttpResponse<String> profile = gateway(token);
        assertEquals(200, profile.statusCode(), profile::body);
        JsonObject me = json(profile).getJsonObject("bearer_api_me");
        assertEquals("bob@example.com", me.getString("email"), "the bearer API saw bob's token");
        assertEquals(json(profile).getString("gateway_caller"), me.getString("id"));
        assertEquals(401, gateway(null).statusCode(), "no caller: the gateway asks for a token");
    }

    @Test
    @Order(5)
    void bobTokenIsForbiddenOnAdminEndpoints() {
        String token = accessToken("bob");
        assertEquals(List.of("editor"), strings(json(api("/me", token)), "custom_roles"));
        assertEquals(403, api("/admin", token).statusCode());
        assertEquals(403, api("/billing-admin-only", token).statusCode());
        assertEquals(200, api("/editors-or-admins", token).statusCode());
    }

    @Test
    @Order(7)
    void webAppServesItsStylesheetAndIcon() {
        for (Map.Entry<String, String> file : Map.of("/webapp/style.css", "text/css",
                "/webapp/favicon.svg", "image/svg+xml").entrySet()) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(demo.baseUrl() + file.getKey()))
                    .timeout(Duration.ofSeconds(20)).GET().build());
            assertEquals(200, response.statusCode(), file.getKey());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(file.getValue()),
                    file.getKey() + ": " + response.headers().map());
        }
    }

    @Test
    @Order(6)
    void apiWithoutTokenAsksForOne() {
        HttpResponse<String> response = api("/me", null);
        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"demo-api\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    /** Payara Micro and the provider listen on 127.0.0.1 and nowhere else (no data grid on *:6900). */
    @Test
    @Order(8)
    void everythingListensOnLoopbackOnly() throws IOException {
        List<String> sockets = demo.listeningSockets();
        assertEquals(2, sockets.size(), "one port each for Payara Micro and the provider: " + sockets);
        for (String socket : sockets) { // 127.0.0.1 in /proc/net/tcp (little-endian) or as ::ffff:127.0.0.1 in tcp6
            assertTrue(socket.startsWith("0100007F:") || socket.startsWith("0000000000000000FFFF00000100007F:"),
                    "not on 127.0.0.1: " + sockets);
        }
    }

    /** SIGTERM to the process that started the demo (Maven; here its stand-in) stops everything, then exits. */
    @Test
    @Order(100)
    void sigtermToTheParentStopsEverything() throws InterruptedException {
        assertTrue(demo.children().size() >= 2, "the demo's JVM and Payara Micro: " + demo.children());
        assertTrue(demo.stop(DemoLauncher.STOP_TIMEOUT.plusSeconds(10)), "the launcher did not exit after SIGTERM");
        assertEquals(List.of(), demo.leftovers(Duration.ofSeconds(5)), demo::console);
        assertTrue(demo.console().strip().endsWith(Demo.STOPPED), demo::console);
    }

    /**
     * An access token for the API client, the way a client application gets one: the authorization endpoint with
     * PKCE, the provider's login page (the user's button), the code from the redirect, the token endpoint.
     */
    private static String accessToken(String user) {
        String redirectUri = demo.baseUrl() + "/bearer-api/callback";
        String verifier = "demo-it-verifier-" + "0123456789abcdefghijklmnopqrstuvwxyz".repeat(2);
        Browser browser = new Browser();
        Browser.Page login = browser.open(demo.authority() + "/connect/authorize?" + form(Map.of(
                "response_type", "code", "client_id", Demo.API_CLIENT_ID, "redirect_uri", redirectUri,
                "scope", "openid profile email", "state", "demo-it-state", "nonce", "demo-it-nonce",
                "code_challenge", s256(verifier), "code_challenge_method", "S256")));
        assertLoginPage(login);
        Browser.Page redirect = browser.logIn(login, user, uri -> uri.getPort() == demo.idpPort());
        Map<String, String> query = query(redirect.uri());
        assertEquals("demo-it-state", query.get("state"), redirect::describe);
        String code = query.get("code");
        assertNotNull(code, redirect::describe);

        HttpRequest request = HttpRequest.newBuilder(URI.create(demo.authority() + "/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", code, "redirect_uri", redirectUri, "client_id", Demo.API_CLIENT_ID,
                        "code_verifier", verifier))))
                .build();
        HttpResponse<String> response = send(request);
        assertEquals(200, response.statusCode(), response::body);
        return json(response).getString("access_token");
    }

    /** The PKCE S256 challenge of a verifier (RFC 7636). */
    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertLoginPage(Browser.Page page) {
        assertEquals(200, page.status(), page::describe);
        assertEquals(demo.idpPort(), page.uri().getPort(), page::describe);
        assertTrue(page.body().contains("id=\"fake-signward-login\""), page::describe);
    }

    private static HttpResponse<String> api(String path, String token) {
        return get("/bearer-api" + path, token);
    }

    private static HttpResponse<String> gateway(String token) {
        return get("/gateway-api/profile", token);
    }

    private static HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(demo.baseUrl() + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return API_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(jakarta.json.JsonString::getString);
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        String raw = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return Arrays.stream(raw.split("&")).filter(s -> s.contains("="))
                .collect(Collectors.toMap(s -> s.substring(0, s.indexOf('=')),
                        s -> URLDecoder.decode(s.substring(s.indexOf('=') + 1), StandardCharsets.UTF_8), (a, b) -> a));
    }
}
