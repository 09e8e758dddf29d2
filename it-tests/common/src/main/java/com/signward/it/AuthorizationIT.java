package com.signward.it;

import com.signward.it.support.AuthzWars;
import com.signward.it.support.Expect;
import com.signward.it.support.Http;
import com.signward.it.support.TestUser;
import com.signward.it.support.Tokens;
import jakarta.json.JsonObject;
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
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Security annotations as Jakarta specifies them, the same on every runtime (see {@code com.signward.it.authz}):
 * superclass annotations, {@code @RolesAllowed} with {@code @RequiresRoles} on resources and CDI beans,
 * {@code @Authenticated}, {@code @RequiresTenant}, and the one role rule (ASCII letters fold, nothing else).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationIT {

    private static final TestUser USER = TestUser.named("uma").withRoles("user");
    private static final TestUser ADMIN = TestUser.named("ada").withRoles("admin");
    private static final TestUser NOBODY = TestUser.named("nils").withRoles();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AuthzWars.war("signward-authz", "com.signward.it.authz", AuthzWars.config());
    }

    private Http.Response get(String path, TestUser user) {
        return user == null ? new Http(base).get(path) : new Http(base).get(path, Tokens.valid(user));
    }

    // --- superclasses ----------------------------------------------------------------------------------

    @Test
    void classRolesAllowedOfASuperclassApplies() {
        Expect.authenticationRequired(get("api/inherited", null));
        Expect.forbidden(get("api/inherited", USER));
        Expect.ok(get("api/inherited", ADMIN));
        Expect.forbidden(get("api/inherited/base", USER));
        Expect.ok(get("api/inherited/base", ADMIN));
    }

    @Test
    void aMethodPermitAllOpensItInASecuredClass() {
        assertEquals("open", Expect.ok(get("api/inherited/open", null)).getString("resource"));
    }

    @Test
    void classDenyAllOfASuperclassApplies() {
        Expect.authenticationRequired(get("api/denied", null));
        Expect.forbidden(get("api/denied", ADMIN));
        Expect.ok(get("api/denied/users", USER));
        Expect.forbidden(get("api/denied/users", ADMIN));
    }

    @Test
    void aSubResourceClassAnnotationApplies() {
        Expect.authenticationRequired(get("api/locator/admin", null));
        Expect.forbidden(get("api/locator/admin", USER));
        assertEquals("sub", Expect.ok(get("api/locator/admin", ADMIN)).getString("resource"));
    }

    // --- @RolesAllowed + @RequiresRoles -------------------------------------------------------------------

    @Test
    void rolesAllowedAndRequiresRolesRequireBothOnAResource() {
        Expect.forbidden(get("api/combined", USER));
        Expect.forbidden(get("api/combined", NOBODY.withRoles("auditor")));
        Expect.ok(get("api/combined", USER.withRoles("user", "auditor")));
        Expect.authenticationRequired(get("api/combined", null));
    }

    @Test
    void rolesAllowedAndRequiresRolesRequireBothOnACdiBean() {
        Expect.forbidden(get("api/beans/combined", USER));
        Expect.forbidden(get("api/beans/combined", NOBODY.withCustomRoles("auditor")));
        assertEquals("combined-bean",
                Expect.ok(get("api/beans/combined", USER.withCustomRoles("auditor"))).getString("resource"));
        Expect.authenticationRequired(get("api/beans/combined", null));
    }

    // --- @Authenticated ----------------------------------------------------------------------------------

    @Test
    void authenticatedLetsInAnySignedInCaller() {
        Expect.ok(get("api/signed-in", NOBODY));
        Expect.ok(get("api/signed-in", USER));
        Expect.authenticationRequired(get("api/signed-in", null));
        String expired = Tokens.expired(USER);
        Expect.invalidToken(new Http(base).get("api/signed-in", expired), expired);
    }

    @Test
    void authenticatedAndAMethodRoleBothApply() {
        Expect.forbidden(get("api/signed-in/admin", USER));
        Expect.ok(get("api/signed-in/admin", ADMIN));
    }

    @Test
    void authenticatedOnACdiBean() {
        assertEquals("signed-in-bean", Expect.ok(get("api/beans/signed-in", NOBODY)).getString("resource"));
        Expect.authenticationRequired(get("api/beans/signed-in", null));
    }

    // --- @RequiresTenant ---------------------------------------------------------------------------------

    private static TestUser ofTenant(String tenant) {
        return AuthzWars.user("tess", tenant, List.of("user"), List.of());
    }

    @Test
    void requiresTenantFromThePath() {
        Expect.ok(get("api/tenants/" + ALLOWED_TENANT + "/invoices", ofTenant(ALLOWED_TENANT)));
        Expect.ok(get("api/tenants/" + ALLOWED_TENANT.toUpperCase() + "/invoices", ofTenant(ALLOWED_TENANT)));
        wrongTenant(get("api/tenants/" + OTHER_TENANT + "/invoices", ofTenant(ALLOWED_TENANT)));
        wrongTenant(get("api/tenants/not-a-uuid/invoices", ofTenant(ALLOWED_TENANT)));
        Expect.authenticationRequired(get("api/tenants/" + ALLOWED_TENANT + "/invoices", null));
    }

    @Test
    void requiresTenantFixed() {
        Expect.ok(get("api/tenants/fixed", ofTenant(ALLOWED_TENANT)));
        wrongTenant(get("api/tenants/fixed", ofTenant(OTHER_TENANT)));
    }

    @Test
    void aTenantIdThatIsNotAUuidNeverMatches() {
        wrongTenant(get("api/tenants/tenant-a/invoices", ofTenant("tenant-a")));
        wrongTenant(get("api/tenants/fixed", ofTenant(ALLOWED_TENANT.replace("-", ""))));
        wrongTenant(get("api/tenants/1-1-1-1-1/invoices", ofTenant("1-1-1-1-1")));
    }

    static void wrongTenant(Http.Response r) {
        Expect.forbidden(r);
        assertEquals("insufficient_tenant", r.json().getString("error"), r::describe);
    }

    // --- the one role rule -------------------------------------------------------------------------------

    @Test
    void asciiCaseIsIgnoredByEveryAnnotation() {
        TestUser upper = NOBODY.withRoles("ADMIN");
        Expect.ok(get("api/roles/rolesallowed", upper));
        Expect.ok(get("api/roles/requiresroles", upper));
        Expect.ok(get("api/roles/mixed-case", NOBODY.withRoles("editor")));
        Expect.ok(get("api/roles/mixed-case", NOBODY.withCustomRoles("EDITOR")));
    }

    @Test
    void unicodeLettersNeverFoldOntoAscii() {
        for (String lookalike : List.of("adm\u0131n", "ADM\u0130N", "adm\u0130n")) {
            TestUser custom = USER.withCustomRoles(lookalike);
            Expect.forbidden(get("api/roles/rolesallowed", custom));
            Expect.forbidden(get("api/roles/requiresroles", custom));
            Expect.forbidden(get("api/roles/rolesallowed", NOBODY.withRoles(lookalike)));
        }
        Expect.forbidden(get("api/roles/key-holder", NOBODY.withRoles("\u212Aey-holder")));
        Expect.forbidden(get("api/roles/key-holder", NOBODY.withRoles("key-holder".replace('k', '\u212A'))));
        Expect.ok(get("api/roles/key-holder", NOBODY.withRoles("KEY-HOLDER")));
    }

    @Test
    void theContainerAnswersIsUserInRoleByTheSameRule() {
        JsonObject who = Expect.ok(get("api/who?role=admin&role=Editor&role=key-holder",
                NOBODY.withRoles("Admin", "editor", "\u212Aey-holder")));
        JsonObject inRole = who.getJsonObject("inRole");
        assertEquals(true, inRole.getBoolean("admin"), who::toString);
        assertEquals(true, inRole.getBoolean("Editor"), who::toString);
        assertEquals(false, inRole.getBoolean("key-holder"), who::toString);
    }
}
