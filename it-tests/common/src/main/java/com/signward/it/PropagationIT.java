package com.signward.it;

import com.signward.idserver.testkit.FakeSignward;
import com.signward.idserver.testkit.RecordedRequest;
import com.signward.idserver.testkit.SignwardBrowser;
import com.signward.idserver.testkit.SignwardTestExtension;
import com.signward.idserver.testkit.WithFakeSignward;
import com.signward.it.support.Deployments;
import com.signward.it.support.EchoServer;
import com.signward.it.support.Expect;
import com.signward.it.support.FakeLogin;
import com.signward.it.support.Http;
import com.signward.it.support.JwtClaims;
import com.signward.it.support.TestUser;
import com.signward.it.support.WebApp;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code SignwardTokenPropagation} in caller mode on a WAR with bearer and browser login: a resource calls a loopback
 * echo service through a JAX-RS client with the filter. Only {@code 127.0.0.1} is an allowed host; {@code localhost}
 * reaches the same echo service and must get nothing.
 */
@WithFakeSignward
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PropagationIT {

    private static final TestUser USER = TestUser.named("paula").withRoles("user");
    /** The downstream service, on loopback, for the whole class. */
    private static final EchoServer ECHO = new EchoServer();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new java.util.LinkedHashMap<>(FakeLogin.webConfig(fake()));
        config.put("signward.propagation.allowed-hosts", "127.0.0.1");
        return Deployments.war("signward-propagation", "com.signward.it.propagation", config);
    }

    private static FakeSignward fake() {
        return SignwardTestExtension.fakeFor(PropagationIT.class);
    }

    @AfterAll
    static void stopEcho() {
        ECHO.close();
    }

    private static String call(String host) {
        return "api/call?target=" + URLEncoder.encode(ECHO.url(host), StandardCharsets.UTF_8);
    }

    private Optional<String> onlyReceived() {
        List<Optional<String>> received = ECHO.take();
        assertEquals(1, received.size(), "downstream calls: " + received.size());
        return received.get(0);
    }

    @Test
    void theCallersBearerTokenReachesAnAllowedHost() {
        String token = new FakeLogin(fake()).tokens(USER).sign();
        ECHO.take();
        assertEquals(200, Expect.ok(new Http(base).get(call("127.0.0.1"), token)).getInt("downstream"));
        assertEquals(Optional.of("Bearer " + token), onlyReceived());
    }

    @Test
    void aHostNotAllowedGetsNoAuthorizationHeader() {
        String token = new FakeLogin(fake()).tokens(USER).sign();
        ECHO.take();
        assertEquals(200, Expect.ok(new Http(base).get(call("localhost"), token)).getInt("downstream"));
        assertEquals(Optional.empty(), onlyReceived());
    }

    @Test
    void anAnonymousCallerSendsNoToken() {
        ECHO.take();
        assertEquals(200, Expect.ok(new Http(base).get(call("127.0.0.1"))).getInt("downstream"));
        assertEquals(Optional.empty(), onlyReceived());
    }

    @Test
    void theApplicationsOwnAuthorizationHeaderIsKept() {
        String token = new FakeLogin(fake()).tokens(USER).sign();
        ECHO.take();
        Expect.ok(new Http(base).get(call("127.0.0.1") + "&own=set-by-the-application", token));
        assertEquals(Optional.of("Bearer set-by-the-application"), onlyReceived());
    }

    @Test
    void anIdTokenPresentedAsBearerIsRefusedAndNeverForwarded() {
        String idToken = new FakeLogin(fake()).tokens(USER).audience(Deployments.WEB_CLIENT_ID).typ("JWT")
                .claim("nonce", "n-1").sign();
        ECHO.take();
        assertEquals(401, new Http(base).get(call("127.0.0.1"), idToken).status());
        assertEquals(List.of(), ECHO.take(), "no downstream call at all");
    }

    @Test
    void aSessionsExpiredAccessTokenIsRefreshedBeforeItIsSent() throws Exception {
        FakeSignward fake = fake();
        FakeLogin login = new FakeLogin(fake);
        WebApp app = login.register(new WebApp(base, login));
        fake.loginAs(FakeLogin.user(USER));
        SignwardBrowser browser = new SignwardBrowser();
        fake.tokenLifetime(Duration.ofSeconds(1));
        try {
            browser.get(app.url("auth/login")); // signs in; the session's access token lives 1 s
        } finally {
            fake.tokenLifetime(null);
        }
        Thread.sleep(1500); // expired
        fake.takeRequests();
        ECHO.take();

        SignwardBrowser.Page page = browser.get(app.url(call("127.0.0.1")), "Accept", "application/json");
        assertEquals(200, page.status(), page.body());
        List<RecordedRequest> grants = fake.takeRequests().stream()
                .filter(r -> r.isTo(FakeSignward.TOKEN_PATH)).toList();
        assertEquals(1, grants.size(), grants::toString);
        assertEquals(Optional.of("refresh_token"), grants.get(0).param("grant_type"));

        String sent = onlyReceived().orElseThrow(() -> new AssertionError("no token sent for the session"));
        JsonObject claims = JwtClaims.claims(sent);
        assertEquals(USER.sub(), claims.getString("sub"));
        assertTrue(claims.getJsonNumber("exp").longValue() > Instant.now().plusSeconds(600).getEpochSecond(),
                "the refreshed access token (one hour), not the expired one");
        assertEquals("at+jwt", JwtClaims.header(sent).getString("typ"), "an access token, never the ID token");
        assertTrue(!claims.containsKey("nonce"), "not the ID token");
    }
}
