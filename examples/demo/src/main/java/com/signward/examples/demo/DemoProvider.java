package com.signward.examples.demo;

import com.signward.idserver.testkit.FakeClient;
import com.signward.idserver.testkit.FakeSignward;
import com.signward.idserver.testkit.FakeUser;

import java.util.List;

/**
 * The local OpenID provider of the demo: the test kit's {@link FakeSignward} on 127.0.0.1, issuer
 * {@code http://127.0.0.1:<port>/signward}, with a login page that lists the {@link DemoUser}s (one button each).
 * Like Signward it requires PKCE, matches redirect URIs exactly, checks the web app's client secret and rotates
 * refresh tokens. Registered clients: {@code demo-webapp} (confidential; the web app's callback and home page,
 * under {@code 127.0.0.1} and {@code localhost}) and {@code demo-api} (public, PKCE only; redirect URI
 * {@code <base>/bearer-api/callback}, for clients that fetch tokens for the API).
 */
final class DemoProvider implements AutoCloseable {

    /** The path of the issuer below the provider's address. */
    static final String ISSUER_PATH = "/signward";
    /** The web app's client id (its WAR's configuration says the same). */
    static final String WEBAPP_CLIENT_ID = "demo-webapp";

    private final FakeSignward fake;

    private DemoProvider(FakeSignward fake) {
        this.fake = fake;
    }

    /**
     * Starts the provider.
     *
     * @param port         the port on 127.0.0.1 (0: any free port)
     * @param appBaseUrl   where Payara Micro serves the examples, e.g. {@code http://127.0.0.1:8080}
     * @param clientSecret the web app's client secret
     */
    static DemoProvider start(List<DemoUser> users, int port, String appBaseUrl, String clientSecret) {
        FakeSignward fake = FakeSignward.start(port, ISSUER_PATH);
        FakeClient webapp = FakeClient.confidential(WEBAPP_CLIENT_ID, clientSecret);
        for (String base : List.of(appBaseUrl, appBaseUrl.replace("://127.0.0.1:", "://localhost:"))) {
            webapp = webapp.withRedirectUri(base + "/webapp/auth/callback").withPostLogoutRedirectUri(base + "/webapp/");
        }
        fake.register(webapp);
        fake.register(FakeClient.publicClient(Demo.API_CLIENT_ID).withRedirectUri(appBaseUrl + "/bearer-api/callback"));
        fake.showLoginForm(users.stream().map(DemoUser::fakeUser).toArray(FakeUser[]::new));
        return new DemoProvider(fake);
    }

    /** An access token of the user for the API (client {@code demo-api}), valid for an hour. */
    String accessToken(DemoUser user) {
        return fake.tokens().user(user.fakeUser()).clientId(Demo.API_CLIENT_ID).sign();
    }

    /** The value for {@code signward.authority}: {@code http://127.0.0.1:<port>/signward}. */
    String authority() {
        return fake.authority();
    }

    @Override
    public void close() {
        fake.close();
    }
}
