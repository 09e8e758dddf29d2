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
import java.util.List;

import static com.signward.it.support.AuthzWars.ALLOWED_TENANT;
import static com.signward.it.support.AuthzWars.OTHER_TENANT;

/** {@code signward.tenants.allowed}: callers of other tenants are refused after authentication, on every URL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantGuardIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AuthzWars.war("signward-tenants", "com.signward.it.authz",
                AuthzWars.config("signward.tenants.allowed", ALLOWED_TENANT + ", " + OTHER_TENANT.replace('0', '1')));
    }

    private Http.Response get(String path, String tenant) {
        TestUser user = AuthzWars.user("tina", tenant, List.of("user"), List.of());
        return new Http(base).get(path, Tokens.valid(user));
    }

    @Test
    void callersOfAnAllowedTenantAreServed() {
        Expect.ok(get("api/public", ALLOWED_TENANT));
        Expect.ok(get("api/signed-in", ALLOWED_TENANT));
        Expect.ok(get("api/tenants/" + ALLOWED_TENANT + "/invoices", ALLOWED_TENANT));
    }

    @Test
    void callersOfAnotherTenantAreRefusedEverywhere() {
        AuthorizationIT.wrongTenant(get("api/public", OTHER_TENANT));
        AuthorizationIT.wrongTenant(get("api/signed-in", OTHER_TENANT));
        AuthorizationIT.wrongTenant(get("api/beans/signed-in", OTHER_TENANT));
    }

    @Test
    void aTenantIdThatIsNotAUuidIsRefused() {
        AuthorizationIT.wrongTenant(get("api/public", "tenant-a"));
        AuthorizationIT.wrongTenant(get("api/public", ALLOWED_TENANT.replace("-", "")));
    }

    @Test
    void anonymousCallersAreNotConcerned() {
        Expect.ok(new Http(base).get("api/public"));
        Expect.authenticationRequired(new Http(base).get("api/signed-in"));
    }
}
