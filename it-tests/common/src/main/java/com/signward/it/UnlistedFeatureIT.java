package com.signward.it;

import com.signward.it.support.AuthzWars;
import com.signward.it.support.FailedDeployment;
import com.signward.it.support.Http;
import com.signward.it.support.TestUser;
import com.signward.it.support.Tokens;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fail closed: an application that lists its classes in {@code getClasses()} without {@code SignwardJaxrsFeature}
 * while they use security annotations is not started, and the failure names the fix. Never silently open.
 * <p>
 * WildFly fails the deployment. Open Liberty only logs an initializer's failure (CWWWC0001W) and the Payara Micro
 * adapter reports success for a WAR that failed to load (see {@link MissingAuthorityIT}): there the log must name
 * the fix and the protected URL must refuse anonymous callers and callers without the role.
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
        FailedDeployment.check(deployer, NAME, deployment -> {
            assertTrue(deployment.names(FIX), () -> "neither the deployment failure nor the log names " + FIX + ": "
                    + deployment.failure());
            if (deployment.failure() == null) {
                // reported as deployed: the log names the fix (above), and nothing is open
                Http http = new Http(FailedDeployment.applicationUrl(NAME));
                for (Http.Response r : List.of(http.get("api/admin"),
                        http.get("api/admin", Tokens.valid(TestUser.named("uma").withRoles("user"))))) {
                    assertTrue(List.of(401, 403, 404, 500, 503).contains(r.status()), r::describe);
                }
            }
        });
    }
}
