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
 * {@code @Inject @SignwardTenant("partners") SignwardClient} without {@code signward.tenants.partners.authority}
 * fails the deployment, naming the missing key (on Payara Micro, whose adapter reports success, the server log
 * names it and the application is not served: see {@link MissingAuthorityIT}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnknownTenantIT {

    private static final String NAME = "unknown-tenant";
    private static final String KEY = "signward.tenants.partners.authority";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.war(NAME, "com.signward.it.unknowntenant", Map.of(
                "signward.authority", MockIdp.get().authority(), "signward.client-id", MockIdp.CLIENT_ID));
    }

    @Test
    void deploymentFailsNamingTheMissingTenantKey() throws Exception {
        FailedDeployment.check(deployer, NAME, deployment -> {
            assertTrue(deployment.names(KEY), () -> "the deployment failure does not name " + KEY + ": "
                    + deployment.failure());
            if (deployment.failure() == null) {
                int status = new Http(FailedDeployment.applicationUrl(NAME)).get("api/unknown").status();
                assertEquals(404, status, "the application must not be served");
            }
        });
    }
}
