package com.signward.examples.api;

import com.signward.idserver.testkit.FakeSignward;
import com.signward.idserver.testkit.SignwardTestUser;
import com.signward.idserver.testkit.SignwardTokens;
import com.signward.idserver.testkit.WithFakeSignward;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quickstart API as its users' tests would check it, with the test kit and plain JUnit 5: the WAR this build
 * packaged runs on Payara Micro (started here, bound to 127.0.0.1) with {@code SIGNWARD_AUTHORITY} pointing at the
 * class's {@link FakeSignward}; tokens come from {@link SignwardTestUser} parameters and {@link SignwardTokens}.
 */
@WithFakeSignward
class QuickstartApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Process server;
    private static URI api;

    @BeforeAll
    static void startServer(FakeSignward signward) throws Exception {
        int port = Integer.parseInt(System.getProperty("it.http-port"));
        Path work = Files.createDirectories(Path.of("target", "it"));
        Path preboot = Files.writeString(work.resolve("preboot.asadmin"), "set configs.config.server-config"
                + ".network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")),
                "-jar", System.getProperty("it.payara-micro"), "--port", Integer.toString(port), "--nocluster",
                "--disablephonehome", "--prebootcommandfile", preboot.toString(),
                "--deploy", System.getProperty("it.war"))
                .redirectErrorStream(true).redirectOutput(work.resolve("payara.log").toFile());
        // the WAR's own microprofile-config.properties is overridden by the environment (MicroProfile Config)
        builder.environment().put("SIGNWARD_AUTHORITY", signward.authority());
        builder.environment().put("SIGNWARD_CLIENT_ID", "demo-api");
        server = builder.start();
        api = URI.create("http://127.0.0.1:" + port + "/bearer-api/");
        awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            List<ProcessHandle> children = server.descendants().toList();
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void withoutATokenTheApiAsksForOne() throws Exception {
        HttpResponse<String> answer = get("me", null);
        assertEquals(401, answer.statusCode());
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void aSignedInUserSeesThemselves(
            @SignwardTestUser(name = "alice", roles = "user", customRoles = "editor",
                    tenant = "4f1c2a8e-9d3b-4c6a-8e2f-1a2b3c4d5e6f") String token) throws Exception {
        HttpResponse<String> answer = get("me", token);
        assertEquals(200, answer.statusCode(), answer::body);
        JsonObject me = Json.createReader(new StringReader(answer.body())).readObject();
        assertEquals("alice@example.test", me.getString("email"));
        assertEquals("Alice Tester", me.getString("name"));
        assertEquals("4f1c2a8e-9d3b-4c6a-8e2f-1a2b3c4d5e6f", me.getString("tenant_id"));
        assertEquals("[\"editor\"]", me.getJsonArray("custom_roles").toString());
        assertEquals(200, get("editors-or-admins", token).statusCode(), "a custom role counts");
    }

    @Test
    void rolesDecide(@SignwardTestUser(roles = "user") String user,
                     @SignwardTestUser(name = "ada", roles = "admin") String admin) throws Exception {
        assertEquals(403, get("admin", user).statusCode());
        assertEquals(200, get("admin", admin).statusCode());
        assertEquals(403, get("billing-admin-only", admin).statusCode(), "admin and billing are both required");
    }

    @Test
    @SignwardTestUser(roles = "admin", customRoles = "billing")
    void allOfTheRoles(String token) throws Exception {
        assertEquals(200, get("billing-admin-only", token).statusCode());
    }

    @Test
    void forgedAndStaleTokensAreRejected(SignwardTokens tokens) throws Exception {
        for (String token : List.of(tokens.expired().sign(), tokens.wrongAudience().sign(),
                tokens.wrongIssuer().sign(), tokens.algNone().sign(), tokens.hs256WithPublicKey().sign(),
                tokens.badSignature().sign())) {
            HttpResponse<String> answer = get("me", token);
            assertEquals(401, answer.statusCode(), token);
            assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        }
        assertEquals(200, get("me", tokens.sign()).statusCode(), "the control: a valid token of the same kit");
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; see target/it/payara.log");
            }
            try {
                if (get("me", null).statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Micro not ready after " + timeout + "; see target/it/payara.log");
    }
}
