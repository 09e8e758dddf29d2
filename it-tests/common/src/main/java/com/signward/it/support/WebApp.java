package com.signward.it.support;

import com.signward.it.support.Browser.Page;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser-login test application as a browser meets it: its URLs, the login steps (each hop checked), and
 * assertions on its pages and on the answers of the login routes.
 */
public final class WebApp {

    private static final Pattern USER_NAME = Pattern.compile("<span id=\"user-name\">([^<]*)</span>");

    /** The provider the application signs in at: its authorization endpoint and how a user signs in there. */
    public interface Provider {

        /** The authorization endpoint's URL (without query). */
        String authorizeEndpoint();

        /** Signs {@code user} in for this authorization request; returns the redirect to the callback (not followed). */
        Page signIn(Browser browser, URI authorizeUrl, TestUser user);
    }

    /** mock-oauth2-server's interactive login page ({@link IdpLogin}). */
    private static final Provider MOCK_IDP = new Provider() {
        @Override
        public String authorizeEndpoint() {
            return MockIdp.get().authority() + "/authorize";
        }

        @Override
        public Page signIn(Browser browser, URI authorizeUrl, TestUser user) {
            return IdpLogin.signIn(browser, authorizeUrl, user);
        }
    };

    private final URI root;
    private final Provider provider;

    /** @param base the deployment's URL (as injected by {@code @ArquillianResource}); the provider is {@link MockIdp} */
    public WebApp(URL base) {
        this(base, MOCK_IDP);
    }

    /** @param base the deployment's URL; {@code provider}: where its users sign in */
    public WebApp(URL base, Provider provider) {
        this.provider = provider;
        try {
            String s = base.toURI().toString();
            this.root = URI.create(s.endsWith("/") ? s : s + "/");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A URL of the application; {@code path} is relative to its root. */
    public URI url(String path) {
        return root.resolve(path);
    }

    /** The context path, e.g. {@code /signward-web}. */
    public String context() {
        String path = root.getRawPath();
        return path.substring(0, path.length() - 1);
    }

    /**
     * Checks the login route's redirect to the provider's authorization endpoint (code flow, this client, the
     * callback as redirect URI, openid scope, state and nonce of at least 128 bits, PKCE S256) and returns it.
     */
    public Page authorizeRedirect(Page login) {
        assertEquals(302, login.status(), login::describe);
        URI authorize = login.location();
        assertEquals(provider.authorizeEndpoint(), Query.withoutQuery(authorize), login::describe);
        assertEquals("code", Query.single(authorize, "response_type"));
        assertEquals(Deployments.WEB_CLIENT_ID, Query.single(authorize, "client_id"));
        assertEquals(url("auth/callback").toString(), Query.single(authorize, "redirect_uri"));
        assertTrue(List.of(Query.single(authorize, "scope").split(" ")).contains("openid"), authorize::toString);
        assertTrue(Query.single(authorize, "state").length() >= 22, "state of at least 128 bits");
        assertTrue(Query.single(authorize, "nonce").length() >= 22, "nonce of at least 128 bits");
        assertEquals("S256", Query.single(authorize, "code_challenge_method"));
        assertEquals(43, Query.single(authorize, "code_challenge").length(), "a SHA-256 code challenge");
        return login;
    }

    /** Signs in at the provider and delivers the code to the application's callback; returns its answer. */
    public Page callback(Browser browser, Page toIdp, TestUser user) {
        Page toCallback = provider.signIn(browser, toIdp.location(), user);
        assertEquals(url("auth/callback").toString(), Query.withoutQuery(toCallback.location()),
                toCallback::describe);
        return browser.follow(toCallback);
    }

    /** A whole login through the login route, landing on the default page. */
    public void signIn(Browser browser, TestUser user) {
        Page back = callback(browser, authorizeRedirect(browser.get(url("auth/login"))), user);
        assertEquals(303, back.status(), back::describe);
        assertEquals(context() + "/", back.rawLocation());
    }

    /** A 302 to the login route (the browser is not logged in). */
    public void assertSentToLogin(Page page) {
        assertEquals(302, page.status(), page::describe);
        assertEquals(context() + "/auth/login", page.location().getRawPath(), page::describe);
    }

    /** {@code Cache-Control} has {@code no-store} (Liberty adds {@code no-cache=set-cookie} when it sets a cookie). */
    public static void assertNoStoreNoReferrer(Page page) {
        List<String> cacheControl = page.headers().allValues("Cache-Control").stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).toList();
        assertTrue(cacheControl.contains("no-store"), page::describe);
        assertEquals(Optional.of("no-referrer"), page.header("Referrer-Policy"), page::describe);
    }

    /** An error page of the login routes: the status, not stored, small HTML, no stack trace. */
    public static void assertCleanError(int status, Page page) {
        assertEquals(status, page.status(), page::describe);
        assertNoStoreNoReferrer(page);
        assertTrue(page.header("Content-Type").orElse("").startsWith("text/html"), page::describe);
        assertTrue(page.body().length() < 2048, page::describe);
        assertFalse(page.body().contains("Exception") || page.body().contains("\tat "), page::describe);
    }

    /** 401 with a Bearer challenge, not a redirect. */
    public static void assertAuthenticationRequired(Page page) {
        assertEquals(401, page.status(), page::describe);
        assertTrue(page.header("WWW-Authenticate").orElse("").startsWith("Bearer realm="), page::describe);
        assertTrue(page.header("Location").isEmpty(), page::describe);
    }

    /** The signed-in user's name shown on a page (fails when the page shows none). */
    public static String userName(Page page) {
        Matcher m = USER_NAME.matcher(page.body());
        assertTrue(m.find(), () -> "no signed-in user on the page: " + page.describe());
        return m.group(1);
    }

    /** The body as a JSON object. */
    public static JsonObject json(Page page) {
        try (JsonReader reader = Json.createReader(new StringReader(page.body()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON object: " + page.describe(), e);
        }
    }
}
