package com.signward.it;

import com.signward.it.support.AuthzWars;
import com.signward.it.support.ConsoleCapture;
import com.signward.it.support.Http;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fail closed: an application that lists its classes in {@code getClasses()} without {@code SignwardJaxrsFeature}
 * while they use security annotations is not started, and the failure names the fix. Never silently open.
 * <p>
 * WildFly and Liberty report the failure to Arquillian; the Payara Micro adapter reports success for a WAR that
 * failed to load (see {@link MissingAuthorityIT}): there the log must name the fix and the protected URL must not
 * be served.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnlistedFeatureIT {

    private static final String NAME = "signward-unlisted";
    private static final String FIX = "com.signward.idserver.jakarta.jaxrs.SignwardJaxrsFeature";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return AuthzWars.war(NAME, "com.signward.it.authz.listing", AuthzWars.config());
    }

    @Test
    void deploymentFailsNamingTheFeature() throws Exception {
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
            String reported = failure == null ? "" : chain(failure);
            assertTrue(reported.contains(FIX) || console.contains(FIX),
                    () -> "neither the deployment failure nor the log names " + FIX + ": " + reported);
            if (failure == null) {
                URI admin = URI.create("http://127.0.0.1:" + System.getProperty("it.http-port") + "/" + NAME + "/");
                Http.Response r = new Http(admin.toURL()).get("api/admin");
                assertNotEquals(200, r.status(), r::describe);
                assertTrue(r.status() == 404 || r.status() >= 500, r::describe);
            }
        } finally {
            try {
                deployer.undeploy(NAME);
            } catch (RuntimeException nothingDeployed) {
                // the deployment failed
            }
        }
    }

    private static String chain(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null && all.length() < 100_000; t = t.getCause()) {
            all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
