package com.signward.it;

import com.signward.it.support.Deployments;
import com.signward.it.support.FailedDeployment;
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
        FailedDeployment.check(deployer, NAME, deployment -> {
            if (deployment.failure() != null) {
                assertTrue(deployment.names(KEY), () -> "the deployment failure does not name " + KEY + ": "
                        + deployment.failure());
            } else {
                assertTrue(deployment.names(KEY),
                        "deployment reported as successful and the server log does not name " + KEY);
                int status = new Http(FailedDeployment.applicationUrl(NAME)).get("api/public").status();
                assertEquals(404, status, "the application must not be served");
            }
        });
    }
}
