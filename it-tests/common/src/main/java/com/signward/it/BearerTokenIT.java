package com.signward.it;

import com.signward.idserver.testkit.FakeSignward;
import com.signward.idserver.testkit.SignwardTestExtension;
import com.signward.idserver.testkit.SignwardTestUser;
import com.signward.idserver.testkit.SignwardTokens;
import com.signward.idserver.testkit.WithFakeSignward;
import com.signward.it.support.Deployments;
import com.signward.it.support.Expect;
import com.signward.it.support.FakeLogin;
import com.signward.it.support.Http;
import com.signward.it.support.TestUser;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A WAR with the Signward jar, configured for the test kit's fake Signward (one per test class, started by the
 * kit's JUnit extension before Arquillian deploys), protecting plain JAX-RS resources (see
 * {@code com.signward.it.app}): what a client sees, on every runtime. Every token is made by the kit's
 * {@link SignwardTokens}, the broken ones with its attack shapes.
 */
@WithFakeSignward
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BearerTokenIT {

    private static final TestUser ALICE = TestUser.named("alice").withRoles("user").withCustomRoles("reports-viewer");
    private static final TestUser USER = TestUser.named("uma").withRoles("user");
    private static final TestUser ADMIN = TestUser.named("ada").withRoles("admin");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("signward-it", FakeLogin.apiConfig(SignwardTestExtension.fakeFor(BearerTokenIT.class)));
    }

    private static SignwardTokens tokens(TestUser user) {
        return new FakeLogin(SignwardTestExtension.fakeFor(BearerTokenIT.class)).tokens(user);
    }

    private static String valid(TestUser user) {
        return tokens(user).sign();
    }

    private Http http() {
        return new Http(base);
    }

    // --- open resources --------------------------------------------------------------------------------

    @Test
    void unannotatedResourceIsServedWithoutToken() {
        assertEquals("public", Expect.ok(http().get("api/public")).getString("resource"));
    }

    @Test
    void permitAllResourceIsServedWithoutToken() {
        assertEquals("open", Expect.ok(http().get("api/open")).getString("resource"));
    }

    @Test
    void permitAllResourceIsServedWithValidToken() {
        assertEquals("open", Expect.ok(http().get("api/open", valid(USER))).getString("resource"));
    }

    /** The chosen behaviour: a presented bad credential is always rejected, on public URLs too. */
    @Test
    void invalidTokenOnPermitAllResourceIsRejected() {
        String token = tokens(USER).expired().sign();
        Expect.invalidToken(http().get("api/open", token), token);
    }

    // --- token kinds (RFC 8725 §3.11, RFC 9068 §4) -------------------------------------------------------

    @Test
    void tokensOfOtherKindsAreNotAccessTokens() {
        for (String typ : List.of("logout+jwt", "secevent+jwt", "dpop+jwt")) {
            String token = tokens(ADMIN).typ(typ).sign();
            Expect.invalidToken(http().get("api/me", token), token, "token type not accepted");
        }
        String logout = tokens(ADMIN).logoutTokenShape().sign();
        Expect.invalidToken(http().get("api/me", logout), logout, "token type not accepted");
    }

    @Test
    void typedAccessTokensAreAccepted() {
        for (String typ : List.of("at+jwt", "application/at+jwt", "JWT")) {
            assertEquals(ADMIN.sub(), Expect.ok(http().get("api/me", tokens(ADMIN).typ(typ).sign())).getString("userId"));
        }
    }

    @Test
    void invalidTokenOnUnannotatedResourceIsRejected() {
        String token = tokens(USER).badSignature().sign();
        Expect.invalidToken(http().get("api/public", token), token);
    }

    // --- the authenticated user ------------------------------------------------------------------------

    @Test
    void validTokenGivesTheResourceTheSignwardUser() {
        JsonObject me = Expect.ok(http().get("api/me", valid(ALICE)));
        assertEquals(true, me.getBoolean("authenticated"), me::toString);
        assertEquals(ALICE.sub(), me.getString("userId"));
        assertEquals(ALICE.email(), me.getString("email"));
        assertEquals(true, me.getBoolean("emailVerified"), me::toString);
        assertEquals(ALICE.name(), me.getString("name"));
        assertEquals(ALICE.givenName(), me.getString("givenName"));
        assertEquals(ALICE.familyName(), me.getString("familyName"));
        assertEquals(ALICE.tenantId(), me.getString("tenantId"));
        assertEquals(Set.of("user"), strings(me, "roles"));
        assertEquals(Set.of("reports-viewer"), strings(me, "customRoles"));
        assertEquals("engineering", me.getString("department"), "raw claims reachable");
        assertEquals(ALICE.sub(), me.getString("principal"), "JAX-RS SecurityContext principal = sub");
        assertEquals(ALICE.sub(), me.getString("servletPrincipal"), "Servlet principal = sub");
    }

    @Test
    void nameIsBuiltFromGivenAndFamilyNameWhenAbsent() {
        TestUser noName = TestUser.named("nora").withoutName();
        JsonObject me = Expect.ok(http().get("api/me", valid(noName)));
        assertEquals("Nora Tester", me.getString("name"));
    }

    @Test
    void tokenOfTheKitsJUnitExtensionIsAccepted(
            @SignwardTestUser(name = "tess", roles = "admin", customRoles = "billing", tenant = "7c9e6679-7425-40de-944b-e07fc1f90ae7") String token,
            FakeSignward fake) {
        // the extension's parameters next to Arquillian's (@RunAsClient)
        JsonObject me = Expect.ok(http().get("api/me", token));
        assertEquals("tess@example.test", me.getString("email"));
        assertEquals("7c9e6679-7425-40de-944b-e07fc1f90ae7", me.getString("tenantId"));
        Expect.ok(http().get("api/finance", token));
        assertEquals(fake.authority(), SignwardTestExtension.fakeFor(BearerTokenIT.class).authority());
    }

    // --- roles -----------------------------------------------------------------------------------------

    @Test
    void rolesAllowedAcceptsABuiltInRole() {
        Expect.ok(http().get("api/reports", valid(ADMIN)));
    }

    @Test
    void rolesAllowedAcceptsACustomRole() {
        Expect.ok(http().get("api/reports", valid(ALICE)));
    }

    @Test
    void missingRoleIsForbidden() {
        Expect.forbidden(http().get("api/reports", valid(USER)));
        Expect.forbidden(http().get("api/admin", valid(USER)));
        Expect.forbidden(http().get("api/me", valid(TestUser.named("gus").withRoles("guest"))));
    }

    @Test
    void requiresRolesAllOfNeedsEveryRole() {
        Expect.ok(http().get("api/finance", valid(ADMIN.withCustomRoles("billing"))));
        Expect.forbidden(http().get("api/finance", valid(ADMIN)));
        Expect.forbidden(http().get("api/finance", valid(USER.withCustomRoles("billing"))));
    }

    @Test
    void requiresRolesWithoutCustomIgnoresCustomRoles() {
        Expect.ok(http().get("api/editor", valid(USER.withRoles("user", "editor"))));
        Expect.forbidden(http().get("api/editor", valid(USER.withCustomRoles("editor"))));
    }

    @Test
    void requiresRolesOnTheResourceClass() {
        Expect.ok(http().get("api/owner", valid(USER.withRoles("owner"))));
        Expect.forbidden(http().get("api/owner", valid(USER)));
    }

    @Test
    void requiresRolesOnACdiBean() {
        // custom_roles as a single string counts as a one-element list
        JsonObject body = Expect.ok(http().get("api/audit", valid(USER.withCustomRoleString("auditor"))));
        assertEquals("audit-report", body.getString("resource"));
        Expect.forbidden(http().get("api/audit", valid(USER)));
    }

    @Test
    void requiresRolesWithoutTokenAsksForAuthentication() {
        Expect.authenticationRequired(http().get("api/finance"));
        Expect.authenticationRequired(http().get("api/owner"));
    }

    // --- concurrency -----------------------------------------------------------------------------------

    @Test
    void concurrentRequestsOfDifferentUsersEachSeeTheirOwnUser() throws Exception {
        List<TestUser> users = IntStream.range(0, 8)
                .mapToObj(i -> TestUser.named("parallel" + i).withRoles("user")).toList();
        List<String> tokens = users.stream().map(BearerTokenIT::valid).toList();
        Http http = http();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < users.size(); i++) {
                    TestUser user = users.get(i);
                    String token = tokens.get(i);
                    results.add(pool.submit(() -> {
                        start.await();
                        // the resource pauses before reading the user, so that requests overlap in the server
                        JsonObject me = Expect.ok(http.get("api/me?pause=50", token));
                        boolean own = user.sub().equals(me.getString("userId"))
                                && user.email().equals(me.getString("email"))
                                && user.sub().equals(me.getString("principal"));
                        return own ? null : user.sub() + " saw " + me;
                    }));
                }
            }
            start.countDown();
            List<String> mixups = new ArrayList<>();
            for (Future<String> result : results) {
                String mixup = result.get(60, TimeUnit.SECONDS);
                if (mixup != null) {
                    mixups.add(mixup);
                }
            }
            assertEquals(List.of(), mixups, "requests saw another user's SignwardUser");
        } finally {
            pool.shutdownNow();
        }
    }

    // --- no token, bad tokens --------------------------------------------------------------------------

    @Test
    void noTokenOnProtectedResourceAsksForAuthentication() {
        Expect.authenticationRequired(http().get("api/me"));
        Expect.authenticationRequired(http().get("api/reports"));
    }

    @Test
    void tokenInQueryStringIsNeverAccepted() {
        Expect.authenticationRequired(http().get("api/me?access_token=" + valid(ALICE)));
    }

    @Test
    void malformedTokenIsRejected() {
        rejected(SignwardTokens.malformed());
        rejected(SignwardTokens.garbageSegments());
    }

    @Test
    void expiredTokenIsRejected() {
        rejected(tokens(ALICE).expired().sign());
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        rejected(tokens(ALICE).wrongAudience().sign());
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        rejected(tokens(ALICE).wrongIssuer().sign());
    }

    @Test
    void tokenWithBadSignatureIsRejected() {
        rejected(tokens(ALICE).badSignature().sign());
    }

    @Test
    void unsignedTokenIsRejected() {
        rejected(tokens(ALICE).algNone().sign());
    }

    @Test
    void tokenNotYetValidIsRejected() {
        rejected(tokens(ALICE).notYetValid().sign());
    }

    @Test
    void tokenWithoutExpiryIsRejected() {
        rejected(tokens(ALICE).withoutExpiry().sign());
    }

    @Test
    void tokenSignedByAKeyTheProviderDoesNotPublishIsRejected() {
        rejected(tokens(ALICE).unknownKid().sign());
    }

    @Test
    void hs256SignedWithThePublicKeyIsRejected() {
        rejected(tokens(ALICE).hs256WithPublicKey().sign());
    }

    private void rejected(String token) {
        Expect.invalidToken(http().get("api/me", token), token);
    }

    private static Set<String> strings(JsonObject json, String key) {
        return json.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toSet());
    }
}
