package com.signward.it;

import com.signward.idserver.testkit.FakeClient;
import com.signward.idserver.testkit.FakeSignward;
import com.signward.idserver.testkit.FakeUser;
import com.signward.idserver.testkit.SignwardTokens;
import com.signward.it.support.Browser;
import com.signward.it.support.Browser.Page;
import com.signward.it.support.Deployments;
import com.signward.it.support.Expect;
import com.signward.it.support.Http;
import com.signward.it.support.Query;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static com.signward.it.support.WebApp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One WAR trusting two Signward authorities (two fake Signwards: the unnamed {@code signward.*} configuration "A"
 * and {@code signward.tenants.b.*}), each with its own audience, on every runtime: bearer tokens are routed by
 * their issuer and verified only by that tenant's keys and audience; a token of an issuer that is not configured
 * (a third fake Signward) is refused without any request to it; the application injects tenant b's client; a
 * browser login picked by the application's {@code SignwardTenantResolver} goes to b and the session is b's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MultiTenantIT {

    private static final FakeSignward A = FakeSignward.start();
    private static final FakeSignward B = FakeSignward.start();
    private static final FakeSignward UNKNOWN = FakeSignward.start();
    private static final String CLIENT_A = "it-tenants-a";
    private static final String CLIENT_B = "it-tenants-b";
    private static final String SECRET_B = "it-tenants-b-secret-0123456789abcdef012345";
    private static final String TENANT_ID = UUID.randomUUID().toString();

    static {
        A.audience("api-a");
        B.audience("api-b");
        UNKNOWN.audience("api-a");
    }

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("signward.authority", A.authority());
        config.put("signward.client-id", CLIENT_A);
        config.put("signward.client-secret", "it-tenants-a-secret-0123456789abcdef012345");
        config.put("signward.audience", "api-a");
        config.put("signward.login.enabled", "true");
        config.put("signward.tenants.b.authority", B.authority());
        config.put("signward.tenants.b.client-id", CLIENT_B);
        config.put("signward.tenants.b.client-secret", SECRET_B);
        config.put("signward.tenants.b.audience", "api-b");
        return Deployments.war("signward-tenants", "com.signward.it.tenants", config);
    }

    @AfterAll
    static void stopProviders() {
        A.close();
        B.close();
        UNKNOWN.close();
    }

    private static FakeUser user(String name) {
        return FakeUser.named(name).withRoles("user").withTenant(TENANT_ID);
    }

    private static SignwardTokens tokens(FakeSignward provider, String name) {
        return provider.tokens().user(user(name));
    }

    private Http http() {
        return new Http(base);
    }

    private URI app(String path) {
        try {
            return base.toURI().resolve(path);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // --- bearer tokens: routed by iss, verified by that tenant only -----------------------------------

    @Test
    void tokensOfBothTenantsAreAcceptedWithTheirOwnAudiences() {
        JsonObject a = Expect.ok(http().get("api/caller", tokens(A, "anna").audience("api-a").sign()));
        assertEquals("default", a.getString("tenantName"));
        assertEquals(TENANT_ID, a.getString("tenantId"), "tenant_id stays the claim");
        JsonObject b = Expect.ok(http().get("api/caller", tokens(B, "bert").audience("api-b").sign()));
        assertEquals("b", b.getString("tenantName"));
        assertEquals(TENANT_ID, b.getString("tenantId"));
    }

    @Test
    void aTokenOfAnUnconfiguredIssuerIsRefusedWithoutAnyRequestToIt() {
        UNKNOWN.takeRequests();
        String token = tokens(UNKNOWN, "mallory").audience("api-a").sign();
        Expect.invalidToken(http().get("api/caller", token), token, "token issuer is not trusted");
        Expect.invalidToken(http().get("api/clients", token), token, "token issuer is not trusted");
        assertEquals(0, UNKNOWN.requests().size(), () -> "requests to the unknown issuer: " + UNKNOWN.requests());
    }

    @Test
    void aTokenClaimingTenantAsIssuerSignedWithTenantBsKeyIsRefused() {
        String token = tokens(B, "mallory").issuer(A.authority()).audience("api-a").sign();
        Expect.invalidToken(http().get("api/caller", token), token);
    }

    @Test
    void aTokenOfTenantAForTenantBsAudienceIsRefused() {
        String token = tokens(A, "anna").audience("api-b").sign();
        Expect.invalidToken(http().get("api/caller", token), token, "audience");
        String bForA = tokens(B, "bert").audience("api-a").sign();
        Expect.invalidToken(http().get("api/caller", bForA), bForA, "audience");
    }

    // --- @SignwardTenant("b") SignwardClient -------------------------------------------------------------

    @Test
    void theApplicationInjectsTenantBsClient() {
        JsonObject clients = Expect.ok(http().get("api/clients?token="
                + tokens(B, "bert").audience("api-b").sign()));
        assertEquals(A.authority(), clients.getString("default"));
        assertEquals(B.authority(), clients.getString("b"));
        assertEquals("b", clients.getString("bTenantName"));
        assertEquals("api-b", clients.getString("bAudience"));
        assertEquals("b", clients.getString("validatedBy"));
        assertEquals(B.authority(), clients.getString("lookedUp"), "Instance.select(SignwardTenant.Literal.of(\"b\"))");
    }

    // --- browser login: the resolver picks the tenant, the session is that tenant's ----------------------

    /** Logs {@code user} in at b through the resolver (query parameter); returns the page of the API it lands on. */
    private Page loginAtB(Browser browser, FakeUser user) {
        String callback = app("auth/callback").toString();
        B.register(FakeClient.confidential(CLIENT_B, SECRET_B).withRedirectUri(callback)
                .withPostLogoutRedirectUri(app("").toString())
                .withBackchannelLogoutUri(app("auth/backchannel-logout")));
        A.takeRequests();
        B.takeRequests();

        Page login = browser.get(app("auth/login?tenant=b&returnTo=%2Fapi%2Fcaller"));
        assertEquals(302, login.status(), login::describe);
        URI authorize = login.location();
        assertEquals(B.authority() + FakeSignward.AUTHORIZE_PATH, Query.withoutQuery(authorize), login::describe);
        assertEquals(CLIENT_B, Query.single(authorize, "client_id"));
        assertEquals(callback, Query.single(authorize, "redirect_uri"));

        B.loginAs(user);
        Page toCallback = browser.get(authorize);
        assertEquals(302, toCallback.status(), toCallback::describe);
        // the callback carries no tenant: the attempt recorded it
        Page back = browser.follow(toCallback);
        assertEquals(303, back.status(), back::describe);
        assertTrue(back.rawLocation().endsWith("/api/caller"), back::describe);
        assertEquals(1, B.requestsTo(FakeSignward.TOKEN_PATH).size(), "the code was redeemed at b");
        assertEquals(0, A.requestsTo(FakeSignward.TOKEN_PATH).size(), "nothing was redeemed at a");
        return back;
    }

    private Page caller(Browser browser) {
        return browser.get(app("api/caller"), "Accept", "application/json");
    }

    @Test
    void aLoginTheResolverSendsToTenantBCompletesWithBAndTheSessionIsBs() {
        FakeUser beatrice = user("beatrice");
        Browser browser = new Browser();
        loginAtB(browser, beatrice);

        Page caller = caller(browser);
        assertEquals(200, caller.status(), caller::describe);
        assertEquals("b", json(caller).getString("tenantName"));
        assertEquals(beatrice.id(), json(caller).getString("sub"));

        // b ends the session: its logout token (b's issuer, b's key, b's client id) reaches b's login
        assertEquals(200, B.sendBackchannelLogout(CLIENT_B, null, beatrice.id()));
        Page after = caller(browser);
        assertEquals(401, after.status(), after::describe);
    }

    @Test
    void theLogoutOfBsSessionGoesToB() {
        Browser browser = new Browser();
        loginAtB(browser, user("bodo"));
        Page logout = browser.post(app("auth/logout"), Map.of(), "Origin", origin());
        assertEquals(303, logout.status(), logout::describe);
        assertEquals(B.authority() + FakeSignward.END_SESSION_PATH, Query.withoutQuery(logout.location()),
                logout::describe);
        assertEquals(CLIENT_B, Query.single(logout.location(), "client_id"));
        assertEquals(1, B.requestsTo(FakeSignward.REVOKE_PATH).size(), "b's tokens were revoked at b");
        assertEquals(0, A.requestsTo(FakeSignward.REVOKE_PATH).size());
        assertEquals(401, caller(browser).status());
    }

    private String origin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    @Test
    void withoutATenantTheLoginGoesToTheDefaultAuthority() {
        Page login = new Browser().get(app("auth/login"));
        assertEquals(302, login.status(), login::describe);
        assertTrue(login.location().toString().startsWith(A.authority() + FakeSignward.AUTHORIZE_PATH),
                login::describe);
        assertEquals(CLIENT_A, Query.single(login.location(), "client_id"));
    }

    @Test
    void aTenantTheApplicationDoesNotKnowIsAClean400() {
        Page login = new Browser().get(app("auth/login?tenant=nope"));
        assertEquals(400, login.status(), login::describe);
        assertTrue(login.body().length() < 2048 && !login.body().contains("Exception"), login::describe);
    }
}
