package com.signward.it.cluster;

import com.signward.it.support.Browser;
import com.signward.it.support.Browser.Page;
import com.signward.it.support.Deployments;
import com.signward.it.support.TestUser;
import com.signward.it.support.WebApp;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.signward.it.support.WebApp.userName;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Back-channel logout from a real, strict provider: Keycloak (dev mode, on 127.0.0.1) with the application's
 * back-channel logout URL registered for its client ({@code backchannel.logout.session.required}). A user signs in
 * to the application on Payara Micro through Keycloak's login page; an administrator logs the user out at Keycloak
 * (admin REST API); Keycloak POSTs its logout token (with the session's {@code sid}) to the application, whose
 * session ends on its next request; the application's log names the back-channel logout as the reason.
 */
class KeycloakBackchannelLogoutIT {

    private static final String CONTEXT = "signward-kc";
    private static final String USER = "clara";
    private static final String PASSWORD = "clara-password-0123";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    @Test
    void aLogoutAtKeycloakEndsTheApplicationsSession() throws Exception {
        Path dir = Path.of(System.getProperty("it.cluster.dir")).resolve("keycloak-app");
        int kcPort = Integer.getInteger("it.keycloak.http-port");
        int appPort = Integer.getInteger("it.keycloak.app-port");
        String appRoot = "http://127.0.0.1:" + appPort + "/" + CONTEXT + "/";
        long started = System.nanoTime();
        try (KeycloakServer keycloak = KeycloakServer.start(Path.of(System.getProperty("it.keycloak.home")),
                Path.of(System.getProperty("it.keycloak.java-home")), kcPort,
                Integer.getInteger("it.keycloak.management-port"), realm(appRoot));
             PayaraNode app = PayaraNode.startAlone(Path.of(System.getProperty("payara.micro.jar")),
                     writeWar(dir, keycloak.realmUrl()), "keycloak-app", dir, appPort)) {
            keycloak.awaitReady(START_TIMEOUT);
            app.awaitReady(START_TIMEOUT);
            System.out.printf("keycloak: Keycloak ready in %d ms, Payara Micro ready in %d ms (started together)%n",
                    keycloak.startTime().toMillis(), app.startTime().toMillis());

            WebApp web = new WebApp(URI.create(appRoot).toURL(), provider(keycloak));
            Browser browser = new Browser();
            web.signIn(browser, TestUser.named(USER));
            assertEquals("Clara Tester", userName(browser.get(web.url("profile"))), "signed in through Keycloak");

            assertEquals(204, keycloak.logoutUser(USER), "Keycloak's admin API logs the user out");

            // Keycloak has POSTed its logout token to the application's back-channel route: the session has ended
            web.assertSentToLogin(browser.get(web.url("profile")));
            app.awaitLog("Signward back-channel logout: the logins of Signward session ", Duration.ofSeconds(10));
            app.awaitLog("ends: a back-channel logout ended it", Duration.ofSeconds(10));
        } finally {
            System.out.printf("keycloak: test took %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    /** Keycloak's login page as the application's provider (user name and password of the realm's user). */
    private static WebApp.Provider provider(KeycloakServer keycloak) {
        return new WebApp.Provider() {
            @Override
            public String authorizeEndpoint() {
                return keycloak.realmUrl() + "/protocol/openid-connect/auth";
            }

            @Override
            public Page signIn(Browser browser, URI authorizeUrl, TestUser user) {
                try {
                    URI toCallback = KeycloakServer.signIn(authorizeUrl, USER, PASSWORD);
                    return new Page("POST", authorizeUrl, 302,
                            HttpHeaders.of(Map.of("Location", List.of(toCallback.toString())), (a, b) -> true), "");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private static Path writeWar(Path dir, String authority) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("signward.authority", authority);
        config.put("signward.client-id", Deployments.WEB_CLIENT_ID);
        config.put("signward.client-secret", Deployments.WEB_CLIENT_SECRET);
        config.put("signward.login.enabled", "true");
        Path file = dir.resolve(CONTEXT + ".war");
        Deployments.webWar(CONTEXT, config).as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    /**
     * The realm: one user, and the application's confidential client with PKCE, its exact callback, the
     * back-channel logout URL (session required) and an audience mapper for the SDK's default audience.
     */
    private static String realm(String appRoot) {
        return """
                {
                  "realm": "%1$s",
                  "enabled": true,
                  "users": [{
                    "username": "%2$s", "enabled": true, "emailVerified": true,
                    "email": "clara@example.com", "firstName": "Clara", "lastName": "Tester",
                    "credentials": [{"type": "password", "value": "%3$s", "temporary": false}]
                  }],
                  "clients": [{
                    "clientId": "%4$s", "enabled": true, "protocol": "openid-connect",
                    "publicClient": false, "secret": "%5$s",
                    "standardFlowEnabled": true, "directAccessGrantsEnabled": false,
                    "redirectUris": ["%6$sauth/callback"],
                    "attributes": {
                      "pkce.code.challenge.method": "S256",
                      "backchannel.logout.url": "%6$sauth/backchannel-logout",
                      "backchannel.logout.session.required": "true",
                      "post.logout.redirect.uris": "%6$s"
                    },
                    "protocolMappers": [{
                      "name": "signward-audience", "protocol": "openid-connect",
                      "protocolMapper": "oidc-audience-mapper",
                      "config": {"included.custom.audience": "idserver-api", "access.token.claim": "true",
                                 "id.token.claim": "false"}
                    }]
                  }]
                }
                """.formatted(KeycloakServer.REALM, USER, PASSWORD, Deployments.WEB_CLIENT_ID,
                Deployments.WEB_CLIENT_SECRET, appRoot);
    }
}
