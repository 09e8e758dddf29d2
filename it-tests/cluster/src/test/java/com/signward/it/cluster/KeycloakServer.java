package com.signward.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Keycloak ({@code keycloak-quarkus-dist}, unpacked by the build) in dev mode on 127.0.0.1, started with
 * the Temurin JDK (Keycloak needs Java 21+), a realm imported from {@code data/import} and a bootstrap admin.
 * {@link #close()} stops it ({@link ServerProcess}).
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "signward";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-it-password";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern JSON_STRING = Pattern.compile("\"(access_token|id)\"\\s*:\\s*\"([^\"]+)\"");

    private final ServerProcess process;
    private final int port;
    private volatile Duration startTime;

    private KeycloakServer(ServerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Writes the realm into {@code data/import} (a fresh database: the old one is deleted) and starts Keycloak. */
    static KeycloakServer start(Path home, Path javaHome, int port, int managementPort, String realmJson) {
        try {
            Path data = home.resolve("data");
            deleteTree(data.resolve("h2"));
            Files.createDirectories(data.resolve("import"));
            Files.writeString(data.resolve("import").resolve(REALM + "-realm.json"), realmJson);
            Path script = home.resolve("bin").resolve("kc.sh");
            script.toFile().setExecutable(true);
            ProcessBuilder builder = new ProcessBuilder(List.of(script.toString(), "start-dev", "--import-realm",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                    "--cache=local"));
            builder.environment().put("JAVA_HOME", javaHome.toString());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            return new KeycloakServer(new ServerProcess("keycloak", builder, home.resolve("keycloak-it.log")), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the realm's discovery document is served. */
    KeycloakServer awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI discovery = URI.create(realmUrl() + "/.well-known/openid-configuration");
        while (true) {
            process.checkAlive();
            try {
                if (HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startTime = process.age();
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak not ready after " + timeout + ":\n" + tail());
            }
            Thread.sleep(500);
        }
    }

    Duration startTime() {
        return startTime;
    }

    /** The realm's issuer: {@code http://127.0.0.1:<port>/realms/signward}. */
    String realmUrl() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** Logs the user out of every Keycloak session (admin REST API); returns the HTTP status. */
    int logoutUser(String username) throws IOException, InterruptedException {
        String token = find(post(URI.create("http://127.0.0.1:" + port + "/realms/master/protocol/openid-connect/token"),
                null, "grant_type=password&client_id=admin-cli&username=" + ADMIN + "&password="
                        + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)), "access_token");
        String admin = "http://127.0.0.1:" + port + "/admin/realms/" + REALM;
        HttpResponse<String> users = HTTP.send(HttpRequest.newBuilder(URI.create(admin + "/users?exact=true&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        String id = find(users, "id");
        return HTTP.send(HttpRequest.newBuilder(URI.create(admin + "/users/" + id + "/logout"))
                        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static HttpResponse<String> post(URI uri, String cookies, String form) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookies != null && !cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(HttpResponse<String> response, String name) {
        Matcher m = JSON_STRING.matcher(response.body());
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + response.statusCode() + " " + response.body());
    }

    /**
     * Signs in on Keycloak's login page for this authorization request: the page, then its form with user name and
     * password. Keycloak's cookies are {@code Secure} even on http, which a browser-like cookie jar does not send
     * back over http, so they are carried by hand. Returns the {@code Location} Keycloak redirects to.
     */
    static URI signIn(URI authorizeUrl, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(authorizeUrl).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|"
                + "<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"").matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no Keycloak login form: " + page.statusCode() + " " + page.body());
        }
        String url = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0]).toList());
        HttpResponse<String> answer = post(authorizeUrl.resolve(url), cookies, "username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=");
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("Keycloak did not accept the login: " + answer.statusCode() + " "
                    + answer.body());
        }
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    String tail() {
        return process.tail();
    }

    @Override
    public void close() {
        process.close();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
