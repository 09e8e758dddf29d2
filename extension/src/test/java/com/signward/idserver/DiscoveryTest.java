package com.signward.idserver;

import com.signward.idserver.FakeProvider.Response;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.signward.idserver.TestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discovery against a provider that misbehaves on purpose. */
class DiscoveryTest {

    FakeProvider provider;
    SignwardClient client;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        provider = new FakeProvider();
        client = new SignwardClient(options(provider.authority()).build());
    }

    @AfterEach
    void stop() {
        release.countDown();
        client.close();
        provider.close();
    }

    private String discoveryFailure() {
        return assertThrows(DiscoveryException.class, client::discovery).getMessage();
    }

    private void serveDiscovery(JsonObject document) {
        provider.on(FakeProvider.DISCOVERY, r -> Response.json(200, document.toString()));
    }

    @Test
    void fetchedOnceAndCached() {
        assertEquals(provider.authority(), client.discovery().getString("issuer"));
        client.discovery();
        client.endSessionUrl(null, null, null);
        assertEquals(1, provider.count(FakeProvider.DISCOVERY));
    }

    @Test
    void serverErrorIsADiscoveryException() {
        provider.on(FakeProvider.DISCOVERY, r -> new Response(500, "text/plain", "boom", Map.of()));
        assertTrue(discoveryFailure().contains("HTTP 500"));
    }

    @Test
    void badJsonIsADiscoveryException() {
        provider.on(FakeProvider.DISCOVERY, r -> Response.json(200, "{not json"));
        assertTrue(discoveryFailure().contains("not a JSON object"));
        provider.on(FakeProvider.DISCOVERY, r -> Response.json(200, "[1, 2]"));
        assertTrue(discoveryFailure().contains("not a JSON object"));
    }

    @Test
    void unreachableProviderIsADiscoveryException() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (SignwardClient dead = new SignwardClient(options("http://127.0.0.1:" + closedPort).build())) {
            DiscoveryException e = assertThrows(DiscoveryException.class, () -> dead.userinfo("t"));
            assertTrue(e.getMessage().contains("failed"), e.getMessage());
        }
    }

    @Test
    void issuerMismatchIsRejected() {
        serveDiscovery(provider.discovery().add("issuer", "https://evil.example.com").build());
        String message = discoveryFailure();
        assertTrue(message.startsWith("issuer mismatch"), message);
        assertThrows(DiscoveryException.class, () -> client.refreshToken("rt"));
        assertEquals(0, provider.count("/connect/token"));
    }

    @Test
    void missingIssuerIsRejected() {
        serveDiscovery(provider.discovery().remove("issuer").build());
        assertTrue(discoveryFailure().contains("no issuer"));
    }

    @Test
    void aTrailingSlashDoesNotMatter() {
        serveDiscovery(provider.discovery().add("issuer", provider.authority() + "/").build());
        assertEquals(provider.authority() + "/", client.discovery().getString("issuer"));
    }

    @Test
    void configuredIssuerIsTheOneExpected() {
        serveDiscovery(provider.discovery().add("issuer", "https://id.example.com").build());
        try (SignwardClient configured = new SignwardClient(options(provider.authority())
                .issuer("https://id.example.com/").build())) {
            assertEquals("https://id.example.com", configured.discovery().getString("issuer"));
        }
        serveDiscovery(provider.discovery().build());
        try (SignwardClient configured = new SignwardClient(options(provider.authority())
                .issuer("https://id.example.com").build())) {
            assertThrows(DiscoveryException.class, configured::discovery);
        }
    }

    @Test
    void insecureEndpointsAreRejected() {
        serveDiscovery(provider.discovery().add("token_endpoint", "http://id.example.com/token").build());
        assertTrue(discoveryFailure().contains("token_endpoint"));
    }

    @Test
    void missingEndpointsFallBackToConnectPaths() {
        serveDiscovery(jakarta.json.Json.createObjectBuilder().add("issuer", provider.authority()).build());
        provider.on("/connect/token", r -> Response.json(200, "{\"access_token\":\"a\"}"));
        provider.on("/connect/revoke", r -> Response.json(200, "{}"));
        provider.on("/connect/userinfo", r -> Response.json(200, "{\"sub\":\"x\"}"));
        client.refreshToken("rt");
        client.revokeToken("rt", null);
        client.userinfo("at");
        assertEquals(1, provider.count("/connect/token"));
        assertEquals(1, provider.count("/connect/revoke"));
        assertEquals(1, provider.count("/connect/userinfo"));
        assertTrue(client.endSessionUrl(null, null, null).toString()
                .startsWith(provider.authority() + "/connect/endsession?"));
    }

    @Test
    void aFailureIsNotCachedForever() {
        AtomicInteger calls = new AtomicInteger();
        provider.on(FakeProvider.DISCOVERY, r -> calls.incrementAndGet() == 1
                ? new Response(503, "text/plain", "", Map.of())
                : Response.json(200, provider.discovery().build().toString()));
        assertThrows(DiscoveryException.class, client::discovery);
        assertEquals(provider.authority(), client.discovery().getString("issuer"));
        client.discovery();
        assertEquals(2, provider.count(FakeProvider.DISCOVERY));
    }

    @Test
    void concurrentFirstCallersShareOneFetch() throws Exception {
        provider.on(FakeProvider.DISCOVERY, r -> {
            release.await();
            return Response.json(200, provider.discovery().build().toString());
        });
        provider.on("/connect/userinfo", r -> Response.json(200, "{\"sub\":\"u\"}"));
        int callers = 8;
        CyclicBarrier together = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<CompletableFuture<SignwardUser>>> started = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                started.add(pool.submit(() -> {
                    together.await();
                    return client.userinfoAsync("at").toCompletableFuture();
                }));
            }
            List<CompletableFuture<SignwardUser>> results = new ArrayList<>();
            for (Future<CompletableFuture<SignwardUser>> f : started) {
                results.add(f.get(30, TimeUnit.SECONDS)); // every caller has joined while discovery is held
            }
            release.countDown();
            for (CompletableFuture<SignwardUser> result : results) {
                assertEquals("u", result.get(30, TimeUnit.SECONDS).claims().get("sub"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, provider.count(FakeProvider.DISCOVERY));
        assertEquals(callers, provider.count("/connect/userinfo"));
    }

    @Test
    void theTimeoutIsHonoured() {
        provider.on(FakeProvider.DISCOVERY, r -> {
            release.await();
            return Response.json(200, "{}");
        });
        try (SignwardClient impatient = new SignwardClient(options(provider.authority())
                .timeout(Duration.ofMillis(300)).build())) {
            DiscoveryException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> assertThrows(DiscoveryException.class, impatient::discovery));
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        }
    }

    @Test
    void refreshMetadataFetchesAgainAndKeepsTheOldDocumentOnFailure() {
        client.discovery();
        serveDiscovery(provider.discovery().add("end_session_endpoint", provider.authority() + "/logout").build());
        client.refreshMetadata();
        assertEquals(2, provider.count(FakeProvider.DISCOVERY));
        assertTrue(client.endSessionUrl(null, null, null).toString().startsWith(provider.authority() + "/logout?"));

        provider.on(FakeProvider.DISCOVERY, r -> new Response(500, "text/plain", "", Map.of()));
        assertThrows(DiscoveryException.class, client::refreshMetadata);
        assertTrue(client.endSessionUrl(null, null, null).toString().startsWith(provider.authority() + "/logout?"));
    }

    @Test
    void authorizeUrlUsesTheDiscoveredEndpointOnceLoaded() {
        AuthorizationRequest request = AuthorizationRequest.builder().redirectUri("https://app.example.com/cb").build();
        assertTrue(client.authorizeUrl(request).toString().startsWith(provider.authority() + "/connect/authorize?"));
        assertEquals(0, provider.requests().size(), "no network");
        serveDiscovery(provider.discovery()
                .add("authorization_endpoint", provider.authority() + "/oauth/authorize?tenant=a").build());
        client.discovery();
        assertTrue(client.authorizeUrl(request).toString()
                .startsWith(provider.authority() + "/oauth/authorize?tenant=a&response_type=code&"));
    }

    @Test
    void aSharedHttpClientIsNeverClosed() throws Exception {
        HttpClient shared = HttpClient.newHttpClient();
        SignwardClient sharing = new SignwardClient(options(provider.authority()).build(), shared);
        sharing.discovery();
        sharing.close();
        HttpResponse<String> stillWorks = shared.send(HttpRequest.newBuilder(
                URI.create(provider.authority() + FakeProvider.DISCOVERY)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stillWorks.statusCode());
        assertThrows(IllegalStateException.class, sharing::discovery);
    }
}
