package com.signward.it;

import com.signward.idserver.testkit.FakeSignward;
import com.signward.idserver.testkit.RecordedRequest;
import com.signward.idserver.testkit.SignwardBrowser;
import com.signward.idserver.testkit.SignwardTestExtension;
import com.signward.idserver.testkit.WithFakeSignward;
import com.signward.it.support.Browser;
import com.signward.it.support.Browser.Page;
import com.signward.it.support.Deployments;
import com.signward.it.support.FakeLogin;
import com.signward.it.support.Query;
import com.signward.it.support.TestUser;
import com.signward.it.support.WebApp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.signward.it.support.WebApp.assertAuthenticationRequired;
import static com.signward.it.support.WebApp.assertCleanError;
import static com.signward.it.support.WebApp.assertNoStoreNoReferrer;
import static com.signward.it.support.WebApp.json;
import static com.signward.it.support.WebApp.userName;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Browser login (Authorization Code + PKCE in the mechanism) on every runtime: a browser-like client (cookies, no
 * automatic redirects: every hop is asserted) signs in at the test kit's fake Signward (one per test class), which
 * enforces PKCE S256, exact redirect URIs and one-time codes, checks the client secret and rotates refresh tokens
 * with reuse detection. The application ({@code com.signward.it.web}) protects pages with web.xml constraints and
 * has a JAX-RS API beside them.
 */
@WithFakeSignward
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserLoginIT {

    private static final String NAME = "signward-web";
    private static final String SESSION_COOKIE = "JSESSIONID";
    private static final String JSON = "application/json";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.webWar(NAME, FakeLogin.webConfig(fake()));
    }

    // --- the round trip --------------------------------------------------------------------------------

    @Test
    void loginRoundTripLandsOnTheRequestedPageShowingTheUserName() {
        TestUser user = TestUser.named("wanda").withRoles("user");
        Browser browser = new Browser();

        Page anonymous = browser.get(app("profile?tab=security&x=1"));
        assertEquals(302, anonymous.status(), anonymous::describe);
        assertEquals(context() + "/auth/login", anonymous.location().getRawPath(), anonymous::describe);
        assertEquals("/profile?tab=security&x=1", Query.single(anonymous.location(), "returnTo"));

        Page toIdp = web().authorizeRedirect(browser.follow(anonymous));
        Page back = web().callback(browser, toIdp, user);
        assertEquals(303, back.status(), back::describe);
        assertEquals(context() + "/profile?tab=security&x=1", back.rawLocation());

        Page profile = browser.follow(back);
        assertEquals(200, profile.status(), profile::describe);
        assertEquals(user.name(), userName(profile));
        assertTrue(profile.body().contains("<p id=\"query\">tab=security&amp;x=1</p>"), profile::describe);
    }

    @Test
    void publicHomePageNamesTheSignedInUser() {
        TestUser user = TestUser.named("hannah").withRoles("user");
        Browser browser = new Browser();
        Page before = browser.get(app(""));
        assertEquals(200, before.status(), before::describe);
        assertTrue(before.body().contains("id=\"anonymous\""), before::describe);

        web().signIn(browser, user);
        Page after = browser.get(app(""));
        assertEquals(200, after.status(), after::describe);
        assertEquals(user.name(), userName(after));
    }

    @Test
    void severalLoginsInProgressInOneSessionEachComplete() {
        // two tabs start a login each; the second finishes first
        TestUser user = TestUser.named("tabitha").withRoles("user");
        Browser browser = new Browser();
        Page first = startLogin(browser, "/profile?tab=1");
        Page second = startLogin(browser, "/profile?tab=2");
        Page firstToCallback = login().signIn(browser, first.location(), user);
        Page secondToCallback = login().signIn(browser, second.location(), user);

        Page secondBack = browser.follow(secondToCallback);
        assertEquals(303, secondBack.status(), secondBack::describe);
        assertEquals(context() + "/profile?tab=2", secondBack.rawLocation());
        Page firstBack = browser.follow(firstToCallback);
        assertEquals(303, firstBack.status(), firstBack::describe);
        assertEquals(context() + "/profile?tab=1", firstBack.rawLocation());
    }

    // --- PKCE, client authentication, refresh rotation (what the provider enforces) --------------------

    @Test
    void pkceChallengeSentMatchesTheVerifierRedeemed() throws Exception {
        FakeSignward idp = fake();
        Browser browser = new Browser();
        idp.takeRequests();
        web().signIn(browser, TestUser.named("penny").withRoles("user"));
        List<RecordedRequest> received = idp.takeRequests();
        RecordedRequest authorize = only(received, FakeSignward.AUTHORIZE_PATH);
        RecordedRequest token = only(received, FakeSignward.TOKEN_PATH);

        String verifier = token.param("code_verifier").orElseThrow(() -> new AssertionError("no code_verifier"));
        assertTrue(verifier.matches("[A-Za-z0-9._~-]{43,128}"), "RFC 7636 verifier syntax");
        assertEquals("S256", authorize.param("code_challenge_method").orElseThrow());
        String s256 = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(s256, authorize.param("code_challenge").orElseThrow(), "challenge = BASE64URL(SHA256(verifier))");
        assertEquals(authorize.param("redirect_uri"), token.param("redirect_uri"));
        // the client authenticated with its secret (client_secret_basic: the discovery document lists it)
        String credentials = Deployments.WEB_CLIENT_ID + ":" + Deployments.WEB_CLIENT_SECRET;
        assertEquals("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)),
                token.header("Authorization").orElseThrow());
    }

    @Test
    void codeOfAnotherLoginFailsPkceAndIsACleanError() {
        // a code obtained for login A delivered with the state of login B: the jar redeems it with B's verifier
        TestUser user = TestUser.named("ines").withRoles("user");
        FakeSignward idp = fake();
        Browser browser = new Browser();
        Page a = startLogin(browser, "/profile");
        Page b = startLogin(browser, "/profile");
        Page aToCallback = login().signIn(browser, a.location(), user);
        String stateB = Query.single(b.location(), "state");
        idp.takeRequests();

        Page injected = browser.get(Query.with(aToCallback.location(), "state", stateB));
        assertCleanError(400, injected);
        List<RecordedRequest> tokenRequests = tokenRequests(idp.takeRequests());
        assertEquals(1, tokenRequests.size(), tokenRequests::toString);
        web().assertSentToLogin(browser.get(app("profile")));
    }

    @Test
    void rotatedRefreshTokensAreUsedForTheNextRefresh() {
        // the provider rotates refresh tokens and ends the session when a used one comes back
        TestUser user = TestUser.named("rosa").withRoles("user");
        FakeSignward idp = fake();
        Browser browser = new Browser();
        Page toIdp = startLogin(browser, "/profile");
        idp.tokenLifetime(Duration.ofSeconds(30)); // within the refresh margin (60 s): every request refreshes
        try {
            assertEquals(303, web().callback(browser, toIdp, user).status());
            idp.takeRequests();
            for (int i = 0; i < 3; i++) {
                assertEquals(user.name(), userName(browser.get(app("profile"))));
            }
        } finally {
            idp.tokenLifetime(null);
        }
        List<String> presented = tokenRequests(idp.takeRequests()).stream()
                .map(r -> r.param("refresh_token").orElseThrow()).toList();
        assertEquals(3, presented.size(), presented::toString);
        assertEquals(3, presented.stream().distinct().count(), "a new refresh token each time: " + presented);
    }

    @Test
    void theKitsBrowserHelperCompletesALoginInOneCall() {
        TestUser user = TestUser.named("kit").withRoles("user");
        URI profile = app("profile"); // registers this deployment's redirect URIs
        fake().loginAs(FakeLogin.user(user));
        SignwardBrowser.Page page = new SignwardBrowser().get(profile);
        assertEquals(200, page.status(), page::body);
        assertEquals(profile, page.uri());
        assertTrue(page.body().contains("<span id=\"user-name\">" + user.name() + "</span>"), page::body);
        assertTrue(page.hops().stream().anyMatch(u -> u.getPath().equals(FakeSignward.AUTHORIZE_PATH)),
                page.hops()::toString);

        // with the fake's login form: the helper picks the user on it
        TestUser other = TestUser.named("formica").withRoles("user");
        fake().showLoginForm(FakeLogin.user(other));
        try {
            SignwardBrowser.Page viaForm = new SignwardBrowser().choosing(other.sub()).get(profile);
            assertEquals(200, viaForm.status(), viaForm::body);
            assertTrue(viaForm.body().contains("<span id=\"user-name\">" + other.name() + "</span>"),
                    viaForm::body);
        } finally {
            fake().loginAs(FakeLogin.user(user)); // the form off again for the other tests
        }
    }

    // --- roles -----------------------------------------------------------------------------------------

    @Test
    void rolesAreEnforcedOnPagesAndApi() {
        TestUser plain = TestUser.named("uma").withRoles("user");
        Browser user = new Browser();
        web().signIn(user, plain);
        assertEquals(200, user.get(app("profile")).status());
        Page adminPage = user.get(app("admin"));
        assertEquals(403, adminPage.status(), adminPage::describe);
        Page adminApi = user.get(app("api/admin"), "Accept", JSON);
        assertEquals(403, adminApi.status(), adminApi::describe);
        Page whoami = user.get(app("api/whoami"), "Accept", JSON);
        assertEquals(200, whoami.status(), whoami::describe);
        assertEquals(plain.sub(), json(whoami).getString("userId"));
        assertEquals(plain.name(), json(whoami).getString("name"));

        TestUser ada = TestUser.named("ada").withRoles("admin");
        Browser admin = new Browser();
        web().signIn(admin, ada);
        Page page = admin.get(app("admin"));
        assertEquals(200, page.status(), page::describe);
        assertEquals(ada.name(), userName(page));
        assertEquals(200, admin.get(app("api/admin"), "Accept", JSON).status());
    }

    @Test
    void anySignedInUserMayOpenThePageThatOnlyRequiresALogin() {
        // /profile requires role "**" (any authenticated user); /api/whoami requires user or admin
        TestUser guestUser = TestUser.named("gus").withRoles("guest");
        Browser guest = new Browser();
        web().signIn(guest, guestUser);
        Page profile = guest.get(app("profile"));
        assertEquals(200, profile.status(), profile::describe);
        assertEquals(guestUser.name(), userName(profile));
        Page api = guest.get(app("api/whoami"), "Accept", JSON);
        assertEquals(403, api.status(), api::describe);
    }

    // --- state, nonce, redirect target -----------------------------------------------------------------

    @Test
    void tamperedStateIsRejected() {
        TestUser user = TestUser.named("tamara").withRoles("user");
        Browser browser = new Browser();
        Page toIdp = startLogin(browser, "/profile");
        Page toCallback = login().signIn(browser, toIdp.location(), user);
        String state = Query.single(toCallback.location(), "state");

        Page tampered = browser.get(Query.with(toCallback.location(), "state", flipLast(state)));
        assertCleanError(400, tampered);
        Page missing = browser.get(URI.create(Query.withoutQuery(toCallback.location()) + "?code="
                + Query.encode(Query.single(toCallback.location(), "code"))));
        assertCleanError(400, missing);
        web().assertSentToLogin(browser.get(app("profile")));

        // a forged response does not use up the attempt: the genuine one still completes it
        Page genuine = browser.follow(toCallback);
        assertEquals(303, genuine.status(), genuine::describe);
        assertEquals(context() + "/profile", genuine.rawLocation());
    }

    @Test
    void replayedStateIsRejected() {
        TestUser user = TestUser.named("rhea").withRoles("user");
        Browser browser = new Browser();
        Page toIdp = startLogin(browser, null);
        Page toCallback = login().signIn(browser, toIdp.location(), user);
        Page first = browser.follow(toCallback);
        assertEquals(303, first.status(), first::describe);

        assertCleanError(400, browser.follow(toCallback));
        Browser other = new Browser();
        assertCleanError(400, other.follow(toCallback));
        web().assertSentToLogin(other.get(app("profile")));
    }

    @Test
    void openRedirectAttemptsEndOnTheDefaultPage() {
        TestUser user = TestUser.named("olive").withRoles("user");
        List<String> attempts = List.of("//evil.example", "https://evil.example", "/\\evil.example",
                "%2F%2Fevil.example", "/%2F%2Fevil.example", "/%5Cevil.example", "/%252F%252Fevil.example",
                "///evil.example", "http:evil.example", "/\tevil.example");
        List<Executable> checks = new ArrayList<>();
        for (String attempt : attempts) {
            checks.add(() -> {
                Browser browser = new Browser();
                Page toIdp = startLogin(browser, attempt);
                Page back = web().callback(browser, toIdp, user);
                assertEquals(303, back.status(), () -> attempt + ": " + back.describe());
                assertEquals(context() + "/", back.rawLocation(), () -> "returnTo=" + attempt);
            });
        }
        assertAll(checks);

        // the control: a path within the application is kept
        Browser browser = new Browser();
        Page toIdp = startLogin(browser, "/admin?from=login");
        assertEquals(context() + "/admin?from=login", web().callback(browser, toIdp, user).rawLocation());
    }

    @Test
    void nonceMismatchIsRejected() {
        // a code obtained for another authorization request (same state, another nonce) is delivered to the callback
        TestUser user = TestUser.named("nina").withRoles("user");
        FakeSignward idp = fake();
        Browser browser = new Browser();
        Page toIdp = startLogin(browser, "/profile");
        URI forged = Query.with(toIdp.location(), "nonce", "nonce-of-another-authorization-request");
        Page toCallback = login().signIn(browser, forged, user);
        assertEquals(Query.single(toIdp.location(), "state"), Query.single(toCallback.location(), "state"));

        idp.takeRequests();
        Page rejected = browser.follow(toCallback);
        assertCleanError(400, rejected);
        List<RecordedRequest> tokenRequests = tokenRequests(idp.takeRequests());
        // the code was exchanged, and the ID token then refused
        assertEquals(1, tokenRequests.size(), tokenRequests::toString);
        assertTrue(tokenRequests.get(0).body().contains("grant_type=authorization_code"), tokenRequests::toString);
        web().assertSentToLogin(browser.get(app("profile")));
    }

    @Test
    void issuerInTheResponseMustBeTheIssuer() {
        // RFC 9207: the provider sends iss; one changed on the way must be the issuer
        TestUser user = TestUser.named("isla").withRoles("user");
        Browser browser = new Browser();
        Page toIdp = startLogin(browser, "/profile");
        Page toCallback = login().signIn(browser, toIdp.location(), user);
        assertCleanError(400, browser.get(Query.with(toCallback.location(), "iss", "https://evil.example")));
        web().assertSentToLogin(browser.get(app("profile")));

        toIdp = startLogin(browser, "/profile");
        toCallback = login().signIn(browser, toIdp.location(), user);
        Page back = browser.get(Query.with(toCallback.location(), "iss", fake().authority()));
        assertEquals(303, back.status(), back::describe);
        assertEquals(context() + "/profile", back.rawLocation());
    }

    @Test
    void errorAnswerOfTheProviderIsACleanError() {
        Browser browser = new Browser();
        Page toIdp = startLogin(browser, null);
        String state = Query.single(toIdp.location(), "state");
        // as the provider sends it: with iss (RFC 9207), which it announces
        Page denied = browser.get(app("auth/callback?error=access_denied&error_description=nope&state="
                + Query.encode(state) + "&iss=" + Query.encode(fake().authority())));
        assertCleanError(400, denied);
        assertTrue(denied.body().contains("access_denied"), denied::describe);
    }

    // --- session ---------------------------------------------------------------------------------------

    @Test
    void sessionIdChangesAtLogin() {
        TestUser user = TestUser.named("sid").withRoles("user");
        Browser browser = new Browser();
        Page toIdp = startLogin(browser, "/profile");
        String before = browser.cookie(app(""), SESSION_COOKIE)
                .orElseThrow(() -> new AssertionError("the login route started no session"));
        Page back = web().callback(browser, toIdp, user);
        assertEquals(303, back.status(), back::describe);
        String after = browser.cookie(app(""), SESSION_COOKIE).orElseThrow();
        assertNotEquals(before, after, "the session id must change at login");
        assertEquals(user.name(), userName(browser.follow(back)));

        // whoever knew the id from before the login (e.g. planted it) is not logged in with it
        Browser planter = new Browser();
        planter.setCookie(app(""), SESSION_COOKIE, before);
        web().assertSentToLogin(planter.get(app("profile")));
    }

    @Test
    void refreshAfterExpiryMakesOneTokenRequestForParallelRequests() throws Exception {
        TestUser user = TestUser.named("fresh").withRoles("user");
        FakeSignward idp = fake();
        Browser browser = new Browser();
        Page toIdp = startLogin(browser, "/profile");
        Duration lifetime = Duration.ofSeconds(2);
        idp.tokenLifetime(lifetime);
        Page back;
        try {
            back = web().callback(browser, toIdp, user); // tokens that expire in 2 s; the refreshed ones live an hour
        } finally {
            idp.tokenLifetime(null);
        }
        assertEquals(303, back.status(), back::describe);
        Thread.sleep(lifetime.toMillis() + 500); // the access token has expired
        idp.takeRequests();

        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Page>> pages = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < parallel; i++) {
                boolean api = i % 2 == 1;
                pages.add(pool.submit(() -> {
                    start.await();
                    return api ? browser.get(app("api/whoami"), "Accept", JSON) : browser.get(app("profile"));
                }));
            }
            start.countDown();
            for (Future<Page> future : pages) {
                Page page = future.get(60, TimeUnit.SECONDS);
                assertEquals(200, page.status(), page::describe);
                String name = page.body().startsWith("{") ? json(page).getString("name") : userName(page);
                assertEquals(user.name(), name, page::describe);
            }
        } finally {
            pool.shutdownNow();
        }
        List<RecordedRequest> refreshes = tokenRequests(idp.takeRequests());
        assertEquals(1, refreshes.size(), () -> parallel + " parallel requests made token requests " + refreshes);
        assertTrue(refreshes.get(0).body().contains("grant_type=refresh_token"), refreshes::toString);

        // the refreshed tokens are used from now on: no further token request
        assertEquals(user.name(), userName(browser.get(app("profile"))));
        assertEquals(List.of(), tokenRequests(idp.takeRequests()));
    }

    @Test
    void refusedRefreshEndsTheSessionAndSendsTheBrowserToLogIn() {
        TestUser user = TestUser.named("rory").withRoles("user");
        FakeSignward idp = fake();
        Browser browser = new Browser();
        Page toIdp = startLogin(browser, "/profile");
        Page back;
        idp.tokenLifetime(Duration.ofSeconds(30)); // within the refresh margin (60 s): every request refreshes
        try {
            back = web().callback(browser, toIdp, user);
            assertEquals(303, back.status(), back::describe);
            idp.takeRequests();
            assertEquals(user.name(), userName(browser.follow(back)));
        } finally {
            idp.tokenLifetime(null);
        }
        List<RecordedRequest> refreshes = tokenRequests(idp.takeRequests());
        assertEquals(1, refreshes.size(), refreshes::toString);
        String refreshToken = Query.single(URI.create("?" + refreshes.get(0).body()), "refresh_token");

        // the provider forgets the refresh token (as after a revocation elsewhere): the next refresh gets invalid_grant
        Page revoked = new Browser().post(idp.uri(FakeSignward.REVOKE_PATH),
                Map.of("token", refreshToken, "token_type_hint", "refresh_token",
                        "client_id", Deployments.WEB_CLIENT_ID, "client_secret", Deployments.WEB_CLIENT_SECRET));
        assertEquals(200, revoked.status(), revoked::describe);
        web().assertSentToLogin(browser.get(app("profile")));
        assertEquals(1, tokenRequests(idp.takeRequests()).size(), "one refused refresh");
        assertAuthenticationRequired(browser.get(app("api/whoami"), "Accept", JSON));
    }

    // --- logout ----------------------------------------------------------------------------------------

    @Test
    void logoutEndsTheSessionAndGoesToEndSession() {
        TestUser user = TestUser.named("lou").withRoles("user");
        FakeSignward idp = fake();
        Browser browser = new Browser();
        web().signIn(browser, user);
        idp.takeRequests();

        Page out = browser.post(app("auth/logout"), Map.of(), "Origin", origin());
        assertEquals(303, out.status(), out::describe);
        assertNoStoreNoReferrer(out);
        URI end = out.location();
        assertEquals(idp.authority() + FakeSignward.END_SESSION_PATH, Query.withoutQuery(end));
        JwtClaims hint = verifiedIdToken(Query.single(end, "id_token_hint"));
        assertEquals(user.sub(), subject(hint), "id_token_hint names the user");
        String postLogout = Query.single(end, "post_logout_redirect_uri");
        assertEquals(app("").toString(), postLogout);
        String state = Query.single(end, "state");
        assertTrue(state.length() >= 22, "state of at least 128 bits: " + state);

        // the refresh token was revoked at the provider
        List<RecordedRequest> revocations = idp.takeRequests().stream().filter(r -> r.isTo(FakeSignward.REVOKE_PATH)).toList();
        assertEquals(1, revocations.size(), revocations::toString);
        assertTrue(revocations.get(0).body().contains("token_type_hint=refresh_token"), revocations::toString);

        // the provider sends the browser back with the state; the session is gone
        Page fromIdp = browser.follow(out);
        assertEquals(302, fromIdp.status(), fromIdp::describe);
        assertEquals(postLogout + "?state=" + state, fromIdp.rawLocation());
        Page home = browser.follow(fromIdp);
        assertEquals(200, home.status(), home::describe);
        assertTrue(home.body().contains("id=\"anonymous\""), home::describe);
        web().assertSentToLogin(browser.get(app("profile")));
    }

    @Test
    void logoutByGetIsRefusedByDefault() {
        TestUser user = TestUser.named("gil").withRoles("user");
        Browser browser = new Browser();
        web().signIn(browser, user);
        Page out = browser.get(app("auth/logout"));
        assertEquals(405, out.status(), out::describe);
        assertEquals("POST", out.header("Allow").orElse(""), out::describe);
        assertEquals(user.name(), userName(browser.get(app("profile"))), "still logged in");
    }

    // --- clients that cannot follow a redirect; bearer calls -------------------------------------------

    @Test
    void requestsThatCannotFollowARedirectGet401() {
        Browser browser = new Browser();
        assertAuthenticationRequired(browser.get(app("profile"), "X-Requested-With", "XMLHttpRequest"));
        assertAuthenticationRequired(browser.get(app("profile"), "Accept", JSON));
        assertAuthenticationRequired(browser.get(app("api/whoami"), "Accept", JSON));
        assertAuthenticationRequired(browser.get(app("api/whoami"), "Accept", JSON, "X-Requested-With",
                "XMLHttpRequest"));
        assertAuthenticationRequired(browser.get(app("admin"), "Accept", "*/*"));

        // a page navigation to the API is sent to log in
        Page navigation = browser.get(app("api/whoami"));
        assertEquals(302, navigation.status(), navigation::describe);
        assertEquals("/api/whoami", Query.single(navigation.location(), "returnTo"));
    }

    @Test
    void xhrOfASignedInBrowserUsesTheSession() {
        TestUser user = TestUser.named("xena").withRoles("user");
        Browser browser = new Browser();
        web().signIn(browser, user);
        Page xhr = browser.get(app("api/whoami"), "Accept", JSON, "X-Requested-With", "XMLHttpRequest");
        assertEquals(200, xhr.status(), xhr::describe);
        assertEquals(user.sub(), json(xhr).getString("userId"));
    }

    @Test
    void bearerCallsWorkInTheSameApplicationAndWinOverTheSession() {
        TestUser caller = TestUser.named("bert").withRoles("user");
        String token = login().tokens(caller).sign();
        Page api = new Browser().get(app("api/whoami"), "Accept", JSON, "Authorization", "Bearer " + token);
        assertEquals(200, api.status(), api::describe);
        assertEquals(caller.sub(), json(api).getString("userId"));

        TestUser sessionUser = TestUser.named("sally").withRoles("user");
        Browser browser = new Browser();
        web().signIn(browser, sessionUser);
        Page both = browser.get(app("api/whoami"), "Accept", JSON, "Authorization", "Bearer " + token);
        assertEquals(200, both.status(), both::describe);
        assertEquals(caller.sub(), json(both).getString("userId"), "the bearer token wins over the session");
        Page page = browser.get(app("profile"), "Authorization", "Bearer " + token);
        assertEquals(200, page.status(), page::describe);
        assertEquals(caller.name(), userName(page));

        // a bad token is rejected although the session is valid, and the session stays
        Page bad = browser.get(app("api/whoami"), "Accept", JSON, "Authorization", "Bearer " + login().tokens(caller).expired().sign());
        assertEquals(401, bad.status(), bad::describe);
        assertTrue(bad.header("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""), bad::describe);
        Page session = browser.get(app("api/whoami"), "Accept", JSON);
        assertEquals(sessionUser.sub(), json(session).getString("userId"));
    }

    // --- headers of the login routes -------------------------------------------------------------------

    @Test
    void callbackAndLogoutAnswersAreNotStoredAndSendNoReferrer() {
        TestUser user = TestUser.named("cora").withRoles("user");
        Browser browser = new Browser();
        Page toIdp = startLogin(browser, null);
        Page toCallback = login().signIn(browser, toIdp.location(), user);
        Page success = browser.follow(toCallback);
        assertEquals(303, success.status(), success::describe);
        assertNoStoreNoReferrer(success);
        Page replay = browser.follow(toCallback);
        assertEquals(400, replay.status(), replay::describe);
        assertNoStoreNoReferrer(replay);
        Page logout = browser.post(app("auth/logout"), Map.of(), "Origin", origin());
        assertEquals(303, logout.status(), logout::describe);
        assertNoStoreNoReferrer(logout);
    }

    @Test
    void backchannelLogoutSentByTheKitEndsTheSession() {
        TestUser user = TestUser.named("bea").withRoles("user");
        FakeSignward idp = fake();
        Browser browser = new Browser();
        web().signIn(browser, user);
        assertEquals(user.name(), userName(browser.get(app("profile"))));
        idp.register(idp.client(Deployments.WEB_CLIENT_ID).orElseThrow()
                .withBackchannelLogoutUri(app("auth/backchannel-logout")));

        assertEquals(200, idp.sendBackchannelLogout(Deployments.WEB_CLIENT_ID, null, user.sub()));
        web().assertSentToLogin(browser.get(app("profile")));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private WebApp web() {
        return login().register(new WebApp(base, login()));
    }

    private static FakeSignward fake() {
        return SignwardTestExtension.fakeFor(BrowserLoginIT.class);
    }

    private static FakeLogin login() {
        return new FakeLogin(fake());
    }

    /** The login route (with {@code returnTo} unless {@code null}): checks its redirect to the provider. */
    private Page startLogin(Browser browser, String returnTo) {
        String query = returnTo == null ? "" : "?returnTo=" + Query.encode(returnTo);
        return web().authorizeRedirect(browser.get(app("auth/login" + query)));
    }

    private URI app(String path) {
        return web().url(path);
    }

    /** The application's origin, as a browser sends it with a form POST from its own pages. */
    private String origin() {
        URI root = app("");
        return root.getScheme() + "://" + root.getAuthority();
    }

    private String context() {
        return web().context();
    }

    private static List<RecordedRequest> tokenRequests(List<RecordedRequest> received) {
        return received.stream().filter(r -> r.isTo(FakeSignward.TOKEN_PATH)).toList();
    }

    private static RecordedRequest only(List<RecordedRequest> received, String path) {
        List<RecordedRequest> matching = received.stream().filter(r -> r.isTo(path)).toList();
        assertEquals(1, matching.size(), () -> path + ": " + received);
        return matching.get(0);
    }

    /** The ID token, checked as the provider's (signature, issuer, audience = the client id). */
    private static JwtClaims verifiedIdToken(String idToken) {
        try {
            return new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(
                            new HttpsJwks(fake().uri(FakeSignward.JWKS_PATH).toString())))
                    .setExpectedIssuer(fake().authority())
                    .setExpectedAudience(Deployments.WEB_CLIENT_ID)
                    .setRequireSubject()
                    .build()
                    .processToClaims(idToken);
        } catch (InvalidJwtException e) {
            throw new AssertionError("id_token_hint is not the provider's ID token for this client: " + e.getMessage());
        }
    }

    private static String subject(JwtClaims claims) {
        try {
            return claims.getSubject();
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            throw new AssertionError(e);
        }
    }

    private static String flipLast(String value) {
        char last = value.charAt(value.length() - 1);
        return value.substring(0, value.length() - 1) + (last == 'A' ? 'B' : 'A');
    }
}
