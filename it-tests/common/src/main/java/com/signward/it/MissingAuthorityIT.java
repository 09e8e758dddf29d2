package com.signward.it;

import com.signward.it.support.ConsoleCapture;
import com.signward.it.support.Deployments;
import com.signward.it.support.Http;
import com.signward.it.support.MockIdp;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without {@code signward.authority} the deployment fails, and the failure names the key.
 * <p>
 * WildFly and Open Liberty report the failed deployment to Arquillian with the CDI deployment problem in the
 * exception. The Payara Micro adapter does not: it starts a server for the WAR and reports success even when
 * the application failed to load. There the test checks what a user sees instead: the server's log names the
 * key and the application is not served.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MissingAuthorityIT {

    private static final String NAME = "missing-authority";
    private static final String KEY = "signward.authority";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.war(NAME, Map.of("signward.client-id", MockIdp.CLIENT_ID));
    }

    @Test
    void deploymentFailsNamingTheKey() throws Exception {
        Exception failure = null;
        String console;
        try (ConsoleCapture capture = ConsoleCapture.start()) {
            try {
                deployer.deploy(NAME);
            } catch (Exception e) {
                failure = e;
            }
            console = capture.text();
        }
        try {
            if (failure != null) {
                String messages = messages(failure);
                assertTrue(messages.contains(KEY), () -> "the deployment failure does not name " + KEY + ": " + messages);
            } else {
                assertTrue(console.contains(KEY), "deployment reported as successful and the server log does not name " + KEY);
                int status = new Http(applicationUrl()).get("api/public").status();
                assertEquals(404, status, "the application must not be served");
            }
        } finally {
            undeployQuietly();
        }
    }

    /** Where the application would be: the runtime module sets {@code it.http-port}. */
    private static URL applicationUrl() throws MalformedURLException {
        return URI.create("http://127.0.0.1:" + System.getProperty("it.http-port") + "/" + NAME + "/").toURL();
    }

    private void undeployQuietly() {
        try {
            deployer.undeploy(NAME);
        } catch (RuntimeException ignored) {
            // nothing was deployed
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null && all.length() < 100_000; t = t.getCause()) {
            all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
