package com.signward.it;

import com.signward.it.support.Browser;
import com.signward.it.support.Browser.Page;
import com.signward.it.support.Deployments;
import com.signward.it.support.MockIdp;
import com.signward.it.support.SessionRequests;
import com.signward.it.support.SessionRequests.Response;
import com.signward.it.support.TestUser;
import com.signward.it.support.WebApp;
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
import java.util.List;

import static com.signward.it.support.WebApp.userName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenID Connect Back-Channel Logout: the provider POSTs a logout token (signed with its key) to the application,
 * whose sessions of that user end on their next request, without using the refresh token again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackchannelLogoutIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.webWar("signward-bcl", Deployments.webConfig());
    }

    @Test
    void aLogoutTokenEndsEverySessionOfTheUserAndOnlyThose() {
        TestUser user = TestUser.named("bella").withRoles("user");
        TestUser other = TestUser.named("otto").withRoles("user");
        MockIdp idp = MockIdp.get();
        Browser laptop = new Browser();
        Browser phone = new Browser();
        Browser otherUser = new Browser();
        idp.tokenLifetime(Duration.ofSeconds(30)); // every request would refresh: the ended login must not
        try {
            web().signIn(laptop, user);
            web().signIn(phone, user);
        } finally {
            idp.tokenLifetime(null);
        }
        web().signIn(otherUser, other);

        String token = SessionRequests.logoutToken(user.sub(), null);
        Response answer = SessionRequests.backchannelPost(app("auth/backchannel-logout"), token);
        assertEquals(200, answer.status(), answer::describe);
        assertTrue(answer.header("Cache-Control").orElse("").contains("no-store"), answer::describe);

        idp.takeRequests();
        web().assertSentToLogin(laptop.get(app("profile")));
        web().assertSentToLogin(phone.get(app("profile")));
        List<MockIdp.Received> tokenRequests = idp.takeRequests().stream().filter(r -> r.isTo("token")).toList();
        assertEquals(List.of(), tokenRequests, "the ended logins' refresh tokens are not used again");
        assertEquals(other.name(), userName(otherUser.get(app("profile"))), "another user's session stays");

        // the same token again is a replay
        Response replay = SessionRequests.backchannelPost(app("auth/backchannel-logout"), token);
        assertEquals(400, replay.status(), replay::describe);
        assertTrue(replay.body().contains("already used"), replay::describe);
        assertTrue(replay.header("Cache-Control").orElse("").contains("no-store"), replay::describe);

        // logging in again after the logout works
        web().signIn(laptop, user);
        assertEquals(user.name(), userName(laptop.get(app("profile"))));
    }

    @Test
    void badLogoutTokensGetA400WithAJsonError() {
        Response garbage = SessionRequests.backchannelPost(app("auth/backchannel-logout"), "not-a-token");
        assertEquals(400, garbage.status(), garbage::describe);
        assertTrue(garbage.header("Content-Type").orElse("").startsWith("application/json"), garbage::describe);
        assertTrue(garbage.body().contains("\"error\":\"invalid_request\""), garbage::describe);

        // an access token is not a logout token
        Response accessToken = SessionRequests.backchannelPost(app("auth/backchannel-logout"),
                com.signward.it.support.Tokens.valid(TestUser.named("alex")));
        assertEquals(400, accessToken.status(), accessToken::describe);

        Page get = new Browser().get(app("auth/backchannel-logout"));
        assertEquals(405, get.status(), get::describe);
    }

    private WebApp web() {
        return new WebApp(base);
    }

    private URI app(String path) {
        return web().url(path);
    }
}
