package com.signward.it;

import com.signward.it.support.ConsoleCapture;
import com.signward.it.support.Deployments;
import com.signward.it.support.Http;
import com.signward.it.support.StubProvider;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The start-up self-check against a provider whose discovery document has no {@code end_session_endpoint}, with
 * browser login on (so a post-logout redirect is configured): in {@code warn} mode the application starts and the
 * server log has one summary line naming the key and the URIs to register; in {@code fail} mode the deployment
 * fails (the Payara Micro adapter reports every deployment as successful: there the application is not served).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SelfCheckIT {

    private static final String WARN = "selfcheck-warn";
    private static final String FAIL = "selfcheck-fail";
    private static final Pattern SUMMARY = Pattern.compile("Signward self-check: [^\\r\\n]*");
    private static StubProvider provider;

    @ArquillianResource
    Deployer deployer;

    private static synchronized StubProvider provider() {
        if (provider == null) {
            provider = new StubProvider("no-logout", Map.of(
                    "code_challenge_methods_supported", "[\"S256\"]",
                    "revocation_endpoint", "\"http://127.0.0.1:9/revoke\""));
        }
        return provider;
    }

    private static Map<String, String> config(String mode) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("signward.authority", provider().authority());
        config.put("signward.client-id", "it-selfcheck");
        config.put("signward.login.enabled", "true");
        config.put("signward.startup.check", mode);
        return config;
    }

    @Deployment(name = WARN, managed = false, testable = false)
    static WebArchive warnDeployment() {
        return Deployments.war(WARN, "com.signward.it.ops", config("warn"));
    }

    @Deployment(name = FAIL, managed = false, testable = false)
    static WebArchive failDeployment() {
        return Deployments.war(FAIL, "com.signward.it.ops", config("fail"));
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void warnModeLogsOneSummaryNamingTheKeyAndTheUrisToRegister() throws Exception {
        try (ConsoleCapture capture = ConsoleCapture.start()) {
            deployer.deploy(WARN);
            String line = awaitSummary(capture);
            assertTrue(line.contains("authority " + provider().authority()), line);
            assertTrue(line.contains("issuer " + provider().authority()), line);
            assertTrue(line.contains("client id it-selfcheck"), line);
            assertTrue(line.contains("audience idserver-api"), line);
            assertTrue(line.contains("redirect URI {origin of the request}/" + WARN + "/auth/callback"), line);
            assertTrue(line.contains("post-logout redirect URI {origin of the request}/" + WARN + "/"), line);
            assertTrue(line.contains("set signward.public-base-url, e.g. https://myapp.example.com, to fix them in "
                    + "advance"), line);
            assertTrue(line.contains("problems: signward.logout.post-logout-redirect: the discovery document has no "
                    + "end_session_endpoint"), line);
            assertTrue(capture.text().contains("WARN"), "the summary with a problem is a warning");
            assertEquals(200, new Http(url(WARN)).get("api/events").status(), "warn mode starts the application");
        } finally {
            undeployQuietly(WARN);
        }
    }

    @Test
    void failModeFailsTheDeploymentNamingTheKey() throws Exception {
        Exception failure = null;
        try (ConsoleCapture capture = ConsoleCapture.start()) {
            try {
                deployer.deploy(FAIL);
            } catch (Exception e) {
                failure = e;
            }
            awaitSummary(capture);
            assertTrue(capture.text().contains("signward.startup.check=fail): signward.logout.post-logout-redirect"),
                    "the server log does not say why the deployment failed");
            if (failure == null) { // Payara Micro: reported as deployed, yet the application must not be served
                assertEquals(404, new Http(url(FAIL)).get("api/events").status(), "the application must not be served");
            }
        } finally {
            undeployQuietly(FAIL);
        }
    }

    private static String awaitSummary(ConsoleCapture capture) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Matcher m = SUMMARY.matcher(capture.text());
            if (m.find()) {
                String line = m.group();
                if (m.find()) {
                    fail("more than one self-check line: " + capture.text());
                }
                return line;
            }
            Thread.sleep(200);
        }
        return fail("no self-check line in the server log within 20 s");
    }

    private static java.net.URL url(String name) throws java.net.MalformedURLException {
        return URI.create("http://127.0.0.1:" + System.getProperty("it.http-port") + "/" + name + "/").toURL();
    }

    private void undeployQuietly(String name) {
        try {
            deployer.undeploy(name);
        } catch (RuntimeException ignored) {
            // not deployed
        }
    }
}
