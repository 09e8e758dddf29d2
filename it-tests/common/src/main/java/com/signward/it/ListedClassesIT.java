package com.signward.it;

import com.signward.it.support.AuthzWars;
import com.signward.it.support.Expect;
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

import java.net.URL;

/**
 * An application that lists its classes in {@code getClasses()}, {@code SignwardJaxrsFeature} among them: the
 * annotations are enforced as in a scanned application (superclass {@code @RolesAllowed}, {@code @RequiresRoles}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ListedClassesIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AuthzWars.war("signward-listed", "com.signward.it.authz.listed", AuthzWars.config());
    }

    private Http.Response get(String path, TestUser user) {
        return user == null ? new Http(base).get(path) : new Http(base).get(path, Tokens.valid(user));
    }

    @Test
    void listedResourcesAreProtected() {
        Expect.authenticationRequired(get("api/listed", null));
        Expect.forbidden(get("api/listed", TestUser.named("uma").withRoles("user")));
        Expect.ok(get("api/listed", TestUser.named("ada").withRoles("admin")));
    }

    @Test
    void requiresRolesAllOfIsEnforced() {
        Expect.forbidden(get("api/listed/all-of", TestUser.named("ada").withRoles("admin")));
        Expect.ok(get("api/listed/all-of", TestUser.named("ada").withRoles("admin").withCustomRoles("billing")));
        Expect.authenticationRequired(get("api/listed/all-of", null));
    }
}
