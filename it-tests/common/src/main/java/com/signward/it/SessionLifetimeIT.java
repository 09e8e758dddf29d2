package com.signward.it;

import com.signward.it.support.Browser;
import com.signward.it.support.Browser.Page;
import com.signward.it.support.Deployments;
import com.signward.it.support.MockIdp;
import com.signward.it.support.TestUser;
import com.signward.it.support.WebApp;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.signward.it.support.WebApp.json;
import static com.signward.it.support.WebApp.userName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session's claims are rebuilt from each refresh: a role Signward dropped is gone on the next request. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionLifetimeIT {

    private static final String JSON = "application/json";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.webWar("signward-lifetime", Deployments.webConfig());
    }

    @Test
    void aRoleRemovedAtSignwardIsGoneAfterTheRefresh() {
        TestUser admin = TestUser.named("ruth").withRoles("admin", "user").withCustomRoles("billing");
        MockIdp idp = MockIdp.get();
        Browser browser = new Browser();
        idp.tokenLifetime(Duration.ofSeconds(30)); // within the refresh margin (60 s): the next request refreshes
        Page page;
        try {
            WebApp web = new WebApp(base);
            web.signIn(browser, admin);
        } finally {
            idp.tokenLifetime(null);
        }
        // Signward removes the roles: the refreshed tokens (ID token and userinfo) carry none
        Map<String, Object> claims = new LinkedHashMap<>(admin.claims());
        claims.remove("roles");
        claims.remove("custom_roles");
        idp.server().enqueueCallback(new DefaultOAuth2TokenCallback(MockIdp.ISSUER_ID, admin.sub(), "JWT",
                List.of(MockIdp.AUDIENCE), claims, 3600));
        idp.takeRequests();

        page = browser.get(app("admin"));
        assertEquals(403, page.status(), page::describe);
        List<MockIdp.Received> refreshes = idp.takeRequests().stream().filter(r -> r.isTo("token")).toList();
        assertEquals(1, refreshes.size(), refreshes::toString);
        assertTrue(refreshes.get(0).body().contains("grant_type=refresh_token"), refreshes::toString);

        Page profile = browser.get(app("profile"));
        assertEquals(200, profile.status(), profile::describe);
        assertEquals(admin.name(), userName(profile), "still the same user");
        assertTrue(profile.body().contains("<p id=\"roles\"></p>"), profile::describe);
        Page api = browser.get(app("api/whoami"), "Accept", JSON);
        assertEquals(403, api.status(), api::describe);
    }

    @Test
    void rolesStayWhenTheRefreshedTokensStillCarryThem() {
        TestUser admin = TestUser.named("rita").withRoles("admin");
        MockIdp idp = MockIdp.get();
        Browser browser = new Browser();
        idp.tokenLifetime(Duration.ofSeconds(30));
        try {
            new WebApp(base).signIn(browser, admin);
        } finally {
            idp.tokenLifetime(null);
        }
        idp.takeRequests();
        Page page = browser.get(app("admin"));
        assertEquals(200, page.status(), page::describe);
        assertEquals(1, idp.takeRequests().stream().filter(r -> r.isTo("token")).count(), "one refresh");
        Page api = browser.get(app("api/whoami"), "Accept", JSON);
        assertEquals(200, api.status(), api::describe);
        assertEquals(List.of("admin"), json(api).getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
    }

    private URI app(String path) {
        return new WebApp(base).url(path);
    }
}
