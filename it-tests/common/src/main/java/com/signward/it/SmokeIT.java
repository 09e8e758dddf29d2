package com.signward.it;

import com.signward.it.support.Deployments;
import com.signward.it.support.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The jar in WEB-INF/lib does not get in the way of unprotected resources. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SmokeIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("smoke", Deployments.defaultConfig());
    }

    @Test
    void unannotatedResourceIsServed() {
        Http.Response r = new Http(base).get("api/public");
        assertEquals(200, r.status(), r::describe);
        assertEquals("public", r.json().getString("resource"));
    }

    @Test
    void permitAllResourceIsServed() {
        Http.Response r = new Http(base).get("api/open");
        assertEquals(200, r.status(), r::describe);
        assertEquals("open", r.json().getString("resource"));
    }
}
