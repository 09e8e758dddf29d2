package com.signward.it;

import com.signward.it.support.Deployments;
import com.signward.it.support.Http;
import com.signward.it.support.TestUser;
import com.signward.it.support.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code signward.health.enabled=false}: the runtime's readiness endpoint ({@code it.health-base} +
 * {@code health/ready}) answers without a {@code signward} check, and the application works. Meaningful where the
 * runtime has MicroProfile Health ({@code it.health-api=true}: Payara Micro, Open Liberty); elsewhere it checks the
 * same on the runtime's own endpoint.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthDisabledIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = Deployments.defaultConfig();
        config.put("signward.health.enabled", "false");
        return Deployments.war("signward-nohealth", "com.signward.it.ops", config);
    }

    @Test
    void noReadinessCheckWhenDisabled() throws Exception {
        assertEquals(200, new Http(base).get("api/events", Tokens.valid(TestUser.named("hal").withRoles("user")))
                .status(), "the application works");
        Http.Response ready = new Http(URI.create(System.getProperty("it.health-base")).toURL()).get("health/ready");
        if (Boolean.getBoolean("it.health-api")) {
            assertEquals(200, ready.status(), ready::describe);
            assertEquals("UP", ready.json().getString("status"), ready::describe);
        }
        assertFalse(ready.body().contains("\"signward\""), ready::describe);
    }
}
