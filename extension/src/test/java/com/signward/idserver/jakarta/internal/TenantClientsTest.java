package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardClient;
import com.signward.idserver.SignwardOptions;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bearer tokens go to the configuration their {@code iss} names; any other issuer gets no request at all. */
class TenantClientsTest {

    private final AtomicInteger requests = new AtomicInteger();
    private final HttpServer unknownIssuer = server();
    private final String unknown = "http://127.0.0.1:" + unknownIssuer.getAddress().getPort();
    private final SignwardOptions defaults = options("https://a.signward.com", null, "default");
    private final SignwardOptions b = options("https://b.signward.com", null, "b");
    private final SignwardOptions c = options("https://c.signward.com", "https://issuer-c.example/", "c");
    private final SignwardClient defaultClient = new SignwardClient(defaults);
    private final TenantClients tenants = new TenantClients(defaults, () -> defaultClient, Map.of("b", b, "c", c));

    private HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SignwardOptions options(String authority, String issuer, String name) {
        return SignwardOptions.builder().authority(authority).clientId("app").issuer(issuer).tenantName(name).build();
    }

    @AfterEach
    void stop() {
        tenants.close();
        defaultClient.close();
        unknownIssuer.stop(0);
    }

    /** An unsigned-looking JWS: routing reads its payload, nothing here verifies it. */
    private static String jws(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("signature".getBytes(StandardCharsets.UTF_8));
    }

    private String tenantOf(String token) {
        SignwardClient client = tenants.forToken(token);
        return client == null ? null : client.options().tenantName();
    }

    @Test
    void theIssuerChoosesTheConfiguration() {
        assertEquals("default", tenantOf(jws("{\"iss\":\"https://a.signward.com\"}")));
        assertEquals("b", tenantOf(jws("{\"iss\":\"https://b.signward.com/\"}")));
        assertEquals("c", tenantOf(jws("{\"iss\":\"https://issuer-c.example\"}")));
        assertNull(tenantOf(jws("{\"iss\":\"https://c.signward.com\"}")), "c expects its configured issuer");
        assertSame(tenants.forToken(jws("{\"iss\":\"https://b.signward.com\"}")), tenants.client("b"));
        assertSame(defaultClient, tenants.client("default"));
    }

    @Test
    void opaqueTokensGoToTheDefaultAndJwsWithoutKnownIssuerToNone() {
        assertEquals("default", tenantOf("an-opaque-token"));
        assertNull(tenantOf(jws("{\"sub\":\"x\"}")));
        assertNull(tenantOf(jws("{\"iss\":42}")));
        assertNull(tenantOf(jws("{\"iss\":\"" + unknown + "\"}")));
    }

    @Test
    void anUnknownIssuerIsRefusedWithoutAnyRequest() {
        Map<String, String> config = Map.of("signward.authority", "https://a.signward.com",
                "signward.client-id", "app");
        SignwardDeployment deployment = SignwardDeployment.read(key -> java.util.Optional.ofNullable(config.get(key)));
        BearerAuthenticator.Verdict verdict = BearerAuthenticator.authenticate(tenants, deployment, Set.of(),
                jws("{\"iss\":\"" + unknown + "\",\"sub\":\"x\",\"aud\":\"idserver-api\"}"));
        assertNull(verdict.result());
        assertEquals(401, verdict.outcome().status());
        assertEquals("token issuer is not trusted", verdict.outcome().rejection());
        assertEquals(0, requests.get(), "no request to the issuer a token names");
    }

    @Test
    void withoutNamedTenantsEveryTokenGoesToTheDefault() {
        try (TenantClients single = new TenantClients(defaults, () -> defaultClient, Map.of())) {
            assertSame(defaultClient, single.forToken(jws("{\"iss\":\"" + unknown + "\"}")));
            assertTrue(single.has("default"));
        }
    }

    @Test
    void anUnknownNameIsRefusedNamingTheMissingKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tenants.client("x"));
        assertTrue(e.getMessage().contains("signward.tenants.x.authority is not configured"), e.getMessage());
    }
}
