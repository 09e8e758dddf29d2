package com.signward.it;

import com.signward.it.support.Browser;
import com.signward.it.support.Browser.Page;
import com.signward.it.support.Deployments;
import com.signward.it.support.SessionRequests;
import com.signward.it.support.SessionRequests.Response;
import com.signward.it.support.TestUser;
import com.signward.it.support.Tokens;
import com.signward.it.support.WebApp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;

import static com.signward.it.support.WebApp.userName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * State-changing requests that ride the session cookie need same-origin proof ({@code Sec-Fetch-Site} or
 * {@code Origin}); bearer calls never do; logout is a same-origin POST; the session cookie is {@code SameSite=Lax}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CsrfIT {

    private static final String JSON = "application/json";
    private static final String EVIL = "https://evil.example";

    /** Payara's per-application session cookie setting (Payara 6.2023.4 and later). */
    static final String PAYARA_WEB_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<payara-web-app>\n"
            + "  <session-config>\n    <cookie-properties>\n"
            + "      <property name=\"cookieSameSite\" value=\"Lax\"/>\n"
            + "    </cookie-properties>\n  </session-config>\n</payara-web-app>\n";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // WildFly (Undertow) and Payara ignore cookie attributes set by the library: the documented runtime settings
        return Deployments.webWar("signward-csrf", Deployments.webConfig())
                .addAsWebInfResource(new StringAsset("samesite-cookie(mode=Lax)\n"), "undertow-handlers.conf")
                .addAsWebInfResource(new StringAsset(PAYARA_WEB_XML), "payara-web.xml");
    }

    @Test
    void crossSiteRequestsWithTheSessionCookieAreRefused() {
        TestUser user = TestUser.named("carla").withRoles("user");
        Browser browser = signedIn(user);
        for (String method : List.of("POST", "PUT", "DELETE")) {
            Response forged = SessionRequests.call(browser, method, app("api/notes"), "Origin", EVIL,
                    "Sec-Fetch-Site", "cross-site");
            assertEquals(403, forged.status(), () -> method + ": " + forged.describe());
            assertTrue(forged.header("Content-Type").orElse("").startsWith(JSON), forged::describe);
            assertTrue(forged.body().contains("\"error\":\"cross_site_request\""), forged::describe);
            assertTrue(forged.body().contains(EVIL), "the answer says why: " + forged.body());
        }
        Response noProof = SessionRequests.call(browser, "POST", app("api/notes"));
        assertEquals(403, noProof.status(), noProof::describe);
        Response sameSite = SessionRequests.call(browser, "POST", app("api/notes"), "Sec-Fetch-Site", "same-site");
        assertEquals(403, sameSite.status(), sameSite::describe);

        // a cross-site form post to a protected page gets a small HTML page
        Page form = browser.post(app("profile"), Map.of("x", "1"), "Origin", EVIL);
        assertEquals(403, form.status(), form::describe);
        assertTrue(form.header("Content-Type").orElse("").startsWith("text/html"), form::describe);
        assertFalse(form.body().contains("Exception"), form::describe);

        // the session itself is untouched
        assertEquals(user.name(), userName(browser.get(app("profile"))));
    }

    @Test
    void sameOriginRequestsPass() {
        TestUser user = TestUser.named("sam").withRoles("user");
        Browser browser = signedIn(user);
        String origin = SessionRequests.origin(app(""));
        for (String method : List.of("POST", "PUT", "DELETE")) {
            Response byOrigin = SessionRequests.call(browser, method, app("api/notes"), "Origin", origin);
            assertEquals(200, byOrigin.status(), () -> method + ": " + byOrigin.describe());
            assertTrue(byOrigin.body().contains(user.sub()), byOrigin::describe);
        }
        Response byFetchSite = SessionRequests.call(browser, "POST", app("api/notes"), "Sec-Fetch-Site",
                "same-origin", "Origin", origin);
        assertEquals(200, byFetchSite.status(), byFetchSite::describe);
        Response typedUrl = SessionRequests.call(browser, "POST", app("api/notes"), "Sec-Fetch-Site", "none");
        assertEquals(200, typedUrl.status(), typedUrl::describe);
    }

    @Test
    void bearerCallsNeedNoOrigin() {
        TestUser caller = TestUser.named("bea").withRoles("user");
        Response call = SessionRequests.call(new Browser(), "POST", app("api/notes"),
                "Authorization", "Bearer " + Tokens.valid(caller));
        assertEquals(200, call.status(), call::describe);
        assertTrue(call.body().contains(caller.sub()), call::describe);

        // a bearer call from a browser that also has a session: the token decides, no Origin needed
        Browser browser = signedIn(TestUser.named("bob").withRoles("user"));
        Response both = SessionRequests.call(browser, "DELETE", app("api/notes"), "Origin", EVIL,
                "Authorization", "Bearer " + Tokens.valid(caller));
        assertEquals(200, both.status(), both::describe);
        assertTrue(both.body().contains(caller.sub()), both::describe);
    }

    @Test
    void logoutIsASameOriginPost() {
        TestUser user = TestUser.named("lorna").withRoles("user");
        Browser browser = signedIn(user);
        Page get = browser.get(app("auth/logout"));
        assertEquals(405, get.status(), get::describe);
        Page crossSite = browser.post(app("auth/logout"), Map.of(), "Origin", EVIL);
        assertEquals(403, crossSite.status(), crossSite::describe);
        assertEquals(user.name(), userName(browser.get(app("profile"))), "still logged in");

        Page out = browser.post(app("auth/logout"), Map.of(), "Origin", SessionRequests.origin(app("")),
                "Sec-Fetch-Site", "same-origin");
        assertEquals(303, out.status(), out::describe);
        web().assertSentToLogin(browser.get(app("profile")));
    }

    @Test
    void theSessionCookieIsSameSiteLax() {
        Page login = new Browser().get(app("auth/login"));
        assertEquals(302, login.status(), login::describe);
        List<String> cookies = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionRequests.SESSION_COOKIE + "=")).toList();
        assertFalse(cookies.isEmpty(), login::describe);
        for (String cookie : cookies) {
            assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), cookie);
            assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);
        }
    }

    private Browser signedIn(TestUser user) {
        Browser browser = new Browser();
        web().signIn(browser, user);
        return browser;
    }

    private WebApp web() {
        return new WebApp(base);
    }

    private URI app(String path) {
        return web().url(path);
    }
}
