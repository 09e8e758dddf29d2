package com.signward.it.support;

import com.signward.idserver.testkit.FakeClient;
import com.signward.idserver.testkit.FakeSignward;
import com.signward.idserver.testkit.FakeUser;
import com.signward.idserver.testkit.SignwardConfig;
import com.signward.idserver.testkit.SignwardTokens;
import com.signward.it.support.Browser.Page;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The test kit's {@link FakeSignward} as this project's suites use it: the WARs' configuration, the browser-login
 * client's registration (exact redirect and post-logout URIs of the deployment), sign-in of a {@link TestUser}
 * (chosen with {@code loginAs}: the authorization endpoint answers with the redirect to the callback at once), and
 * tokens for a {@link TestUser}.
 */
public final class FakeLogin implements WebApp.Provider {

    private final FakeSignward fake;

    public FakeLogin(FakeSignward fake) {
        this.fake = fake;
    }

    /** The provider. */
    public FakeSignward fake() {
        return fake;
    }

    /** The bearer WAR's configuration: authority and client id {@value MockIdp#CLIENT_ID}. */
    public static Map<String, String> apiConfig(FakeSignward fake) {
        return SignwardConfig.of(fake).clientId(MockIdp.CLIENT_ID).toMap();
    }

    /** The browser-login WAR's configuration: a confidential client, browser login on. */
    public static Map<String, String> webConfig(FakeSignward fake) {
        return SignwardConfig.of(fake).clientId(Deployments.WEB_CLIENT_ID).clientSecret(Deployments.WEB_CLIENT_SECRET)
                .loginEnabled(true).toMap();
    }

    /** Registers the browser-login client for this deployment (callback and root as exact URIs); returns the app. */
    public WebApp register(WebApp app) {
        FakeClient client = fake.client(Deployments.WEB_CLIENT_ID)
                .orElse(FakeClient.confidential(Deployments.WEB_CLIENT_ID, Deployments.WEB_CLIENT_SECRET))
                .withRedirectUri(app.url("auth/callback").toString())
                .withPostLogoutRedirectUri(app.url("").toString());
        fake.register(client);
        return app;
    }

    @Override
    public String authorizeEndpoint() {
        return fake.authority() + FakeSignward.AUTHORIZE_PATH;
    }

    @Override
    public Page signIn(Browser browser, URI authorizeUrl, TestUser user) {
        fake.loginAs(user(user));
        Page answer = browser.get(authorizeUrl);
        assertEquals(302, answer.status(), answer::describe);
        return answer;
    }

    /** Tokens for the user, signed by the fake. */
    public SignwardTokens tokens(TestUser user) {
        return fake.tokens().user(user(user));
    }

    /** The test kit's user with exactly the claims of {@code user}. */
    public static FakeUser user(TestUser user) {
        FakeUser fakeUser = FakeUser.named("user").withId(user.sub()).withEmail(user.email()).withName(user.name())
                .withNames(user.givenName(), user.familyName()).withTenant(user.tenantId());
        fakeUser = user.roles() instanceof List<?> roles
                ? fakeUser.withRoles(roles.stream().map(String::valueOf).toArray(String[]::new))
                : fakeUser.withClaim("roles", user.roles());
        fakeUser = user.customRoles() instanceof List<?> custom
                ? fakeUser.withCustomRoles(custom.stream().map(String::valueOf).toArray(String[]::new))
                : fakeUser.withCustomRoleString(String.valueOf(user.customRoles()));
        return fakeUser.withClaim("department", user.claims().get("department"));
    }
}
