package com.signward.it;

import com.signward.it.support.Deployments;
import com.signward.it.support.Expect;
import com.signward.it.support.Http;
import com.signward.it.support.MockIdp;
import com.signward.it.support.TestUser;
import com.signward.it.support.Tokens;
import com.sun.net.httpserver.HttpServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A provider whose discovery works but whose JWKS endpoint answers 500, and no keys were ever loaded: a bearer
 * caller gets 503 with {@code Retry-After} (Signward's problem, not a bad token), never 401 {@code invalid_token}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeysUnavailableIT {

    private static final TestUser USER = TestUser.named("kim").withRoles("user");
    private static HttpServer provider;
    private static String authority;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        startProvider();
        return Deployments.war("signward-keyless", Map.of("signward.authority", authority,
                "signward.client-id", MockIdp.CLIENT_ID));
    }

    /** Discovery answers; {@code /jwks} always fails. Loopback only. */
    private static synchronized void startProvider() {
        if (provider != null) {
            return;
        }
        try {
            provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        authority = "http://127.0.0.1:" + provider.getAddress().getPort() + "/keyless";
        provider.createContext("/keyless/.well-known/openid-configuration", exchange -> {
            byte[] body = ("{\"issuer\":\"" + authority + "\",\"jwks_uri\":\"" + authority + "/jwks\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.createContext("/keyless/jwks", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.stop(0);
        }
    }

    @Test
    void bearerCallerGets503WhenNoSigningKeyCanBeLoaded() {
        String token = Tokens.forIssuer(USER, authority, Tokens.freshRsaKey(), "k1");
        Expect.unavailable(new Http(base).get("api/me", token));
        Expect.unavailable(new Http(base).get("api/open", token));
    }
}
