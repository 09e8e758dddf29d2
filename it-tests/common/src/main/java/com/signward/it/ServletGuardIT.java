package com.signward.it;

import com.signward.it.support.AuthzWars;
import com.signward.it.support.Browser;
import com.signward.it.support.Deployments;
import com.signward.it.support.Http;
import com.signward.it.support.TestUser;
import com.signward.it.support.Tokens;
import com.signward.it.support.WebApp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static com.signward.it.support.AuthzWars.ALLOWED_TENANT;
import static com.signward.it.support.AuthzWars.OTHER_TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Servlets guarded by class annotations, no web.xml ({@code com.signward.it.authz.web}), with browser login and
 * {@code signward.tenants.allowed}: an anonymous browser is sent to log in, an API client gets 401; a missing role
 * or another tenant gets a 403 page (browsers) or JSON (API clients).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServletGuardIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = Deployments.webConfig();
        config.put("signward.tenants.allowed", ALLOWED_TENANT);
        return AuthzWars.war("signward-pages", "com.signward.it.authz.web", config);
    }

    private static TestUser user(String tenant, List<String> roles, List<String> customRoles) {
        return AuthzWars.user("paula", tenant, roles, customRoles);
    }

    private Browser.Page signedIn(TestUser user, String path) {
        WebApp app = new WebApp(base);
        Browser browser = new Browser();
        app.signIn(browser, user);
        return browser.get(app.url(path));
    }

    private static void forbiddenPage(Browser.Page page, String error) {
        assertEquals(403, page.status(), page::describe);
        assertTrue(page.header("Content-Type").orElse("").startsWith("text/html"), page::describe);
        assertTrue(page.body().contains("data-error=\"" + error + "\""), page::describe);
    }

    @Test
    void anonymousBrowsersAreSentToLogIn() {
        WebApp app = new WebApp(base);
        for (String path : List.of("members", "finance", "editors")) {
            app.assertSentToLogin(new Browser().get(app.url(path)));
        }
    }

    @Test
    void anonymousApiClientsGet401() {
        WebApp app = new WebApp(base);
        WebApp.assertAuthenticationRequired(new Browser().get(app.url("members"), "Accept", "application/json"));
    }

    @Test
    void authenticatedPageForAnySignedInUser() {
        TestUser user = user(ALLOWED_TENANT, List.of(), List.of());
        Browser.Page page = signedIn(user, "members");
        assertEquals(200, page.status(), page::describe);
        assertTrue(page.body().contains(user.sub()), page::describe);
    }

    @Test
    void allOfRolesOnAPage() {
        assertEquals(200, signedIn(user(ALLOWED_TENANT, List.of("admin"), List.of("billing")), "finance").status());
        forbiddenPage(signedIn(user(ALLOWED_TENANT, List.of("admin"), List.of()), "finance"), "forbidden");
        forbiddenPage(signedIn(user(ALLOWED_TENANT, List.of("user"), List.of("billing")), "finance"), "forbidden");
    }

    @Test
    void builtInOnlyOnAPage() {
        assertEquals(200, signedIn(user(ALLOWED_TENANT, List.of("Editor"), List.of()), "editors").status());
        forbiddenPage(signedIn(user(ALLOWED_TENANT, List.of(), List.of("editor")), "editors"), "forbidden");
    }

    @Test
    void bearerCallersGetJson() {
        Http http = new Http(base);
        Http.Response ok = http.get("finance", Tokens.valid(user(ALLOWED_TENANT, List.of("admin", "billing"),
                List.of())));
        assertEquals(200, ok.status(), ok::describe);
        Http.Response missing = http.get("finance", Tokens.valid(user(ALLOWED_TENANT, List.of("admin"), List.of())));
        assertEquals(403, missing.status(), missing::describe);
        assertEquals("forbidden", missing.json().getString("error"));
        AuthorizationIT.wrongTenant(http.get("members", Tokens.valid(user(OTHER_TENANT, List.of("admin"),
                List.of()))));
    }

    /** The MicroProfile JWT view is for bearer callers; a session caller's is empty. */
    @Test
    void jsonWebTokenOfASessionCallerIsEmpty() {
        TestUser user = user(ALLOWED_TENANT, List.of("user"), List.of());
        Browser.Page page = signedIn(user, "token");
        assertEquals(200, page.status(), page::describe);
        assertEquals("name=null;claims=0", page.body().strip(), page::describe);
        Http.Response bearer = new Http(base).get("token", Tokens.valid(user));
        assertEquals(200, bearer.status(), bearer::describe);
        assertTrue(bearer.body().startsWith("name=" + user.sub() + ";"), bearer::describe);
    }

    @Test
    void browsersOfAnotherTenantGetA403Page() {
        forbiddenPage(signedIn(user(OTHER_TENANT, List.of("admin"), List.of()), "members"), "insufficient_tenant");
    }
}
