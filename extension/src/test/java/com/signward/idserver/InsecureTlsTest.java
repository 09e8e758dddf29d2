package com.signward.idserver;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import no.nav.security.mock.oauth2.http.Ssl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static com.signward.idserver.TestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** verifySsl against an HTTPS provider with a self-signed certificate (mock-oauth2-server's, for localhost and 127.0.0.1). */
@ExtendWith(ExpectedWarnings.class) // provokes the SDK's warnings on purpose: they go to target/expected-warnings.log
class InsecureTlsTest {

    HttpsServer server;
    String authority;

    @BeforeEach
    void start() throws Exception {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(new Ssl().sslContext()));
        authority = "https://127.0.0.1:" + server.getAddress().getPort();
        server.createContext(FakeProvider.DISCOVERY, exchange -> {
            byte[] body = ("{\"issuer\":\"" + authority + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void certificatesAreVerifiedByDefault() {
        try (SignwardClient client = new SignwardClient(options(authority).build())) {
            assertThrows(DiscoveryException.class, client::discovery);
        }
    }

    @Test
    void verifySslFalseTrustsAnyCertificateAndWarns() {
        Logger logger = Logger.getLogger(SignwardClient.class.getName());
        ExpectedWarnings.Capture capture = new ExpectedWarnings.Capture();
        List<LogRecord> records = capture.records();
        logger.addHandler(capture);
        try (SignwardClient client = new SignwardClient(options(authority).verifySsl(false).build())) {
            assertEquals(authority, client.discovery().getString("issuer"));
        } finally {
            logger.removeHandler(capture);
        }
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING
                && r.getMessage().contains("verifySsl")), "a WARNING names verifySsl");
    }
}
