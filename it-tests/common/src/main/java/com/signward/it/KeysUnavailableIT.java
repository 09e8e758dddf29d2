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

/**
 * A provider whose discovery works but whose JWKS endpoint is down (the test kit's fake Signward with
 * {@code stopServingKeys()}), and no keys were ever loaded: a bearer caller gets 503 with {@code Retry-After}
 * (Signward's problem, not a bad token), never 401 {@code invalid_token}.
 */
@WithFakeSignward
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeysUnavailableIT {

    private static final TestUser USER = TestUser.named("kim").withRoles("user");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        FakeSignward fake = SignwardTestExtension.fakeFor(KeysUnavailableIT.class).stopServingKeys();
        return Deployments.war("signward-keyless", FakeLogin.apiConfig(fake));
    }

    @Test
    void bearerCallerGets503WhenNoSigningKeyCanBeLoaded(FakeSignward fake) {
        String token = new FakeLogin(fake).tokens(USER).sign();
        Expect.unavailable(new Http(base).get("api/me", token));
        Expect.unavailable(new Http(base).get("api/open", token));
    }
}
