package com.signward.it;

import com.signward.idserver.testkit.FakeSignward;
import com.signward.idserver.testkit.SignwardTestExtension;
import com.signward.idserver.testkit.WithFakeSignward;
import com.signward.it.support.Deployments;
import com.signward.it.support.Expect;
import com.signward.it.support.FakeLogin;
import com.signward.it.support.Http;
import com.signward.it.support.TestUser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code signward.introspection.for-jwt=true}: JWTs are introspected too, so a JWT revoked at Signward is refused
 * (once its cached result has ended; here the cache is off with a TTL of 0).
 */
@WithFakeSignward
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IntrospectionForJwtIT {

    private static final TestUser ALICE = TestUser.named("alice").withRoles("user");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("signward-introspection-jwt", "com.signward.it.introspection",
                IntrospectionIT.config(fake(), Map.of("signward.introspection.enabled", "true",
                        "signward.introspection.for-jwt", "true", "signward.introspection.cache-ttl", "0s")));
    }

    private static FakeSignward fake() {
        return SignwardTestExtension.fakeFor(IntrospectionForJwtIT.class);
    }

    @Test
    void jwtsAreIntrospectedAndARevokedOneIsRefused() {
        String jwt = fake().tokens().user(FakeLogin.user(ALICE)).sign();
        Http http = new Http(base);
        assertEquals(ALICE.sub(), Expect.ok(http.get("api/caller", jwt)).getString("userId"));
        assertEquals(1, IntrospectionIT.introspections(fake(), jwt).size());
        fake().revoke(jwt);
        Expect.invalidToken(http.get("api/caller", jwt), jwt, "token not active");
        assertEquals(2, IntrospectionIT.introspections(fake(), jwt).size());
    }
}
