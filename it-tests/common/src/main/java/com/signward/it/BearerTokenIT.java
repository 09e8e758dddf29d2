package com.signward.it;

import com.signward.it.support.Deployments;
import com.signward.it.support.Expect;
import com.signward.it.support.Http;
import com.signward.it.support.TestUser;
import com.signward.it.support.Tokens;
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
 * A WAR with the Signward jar, configured for the in-JVM mock provider, protecting plain JAX-RS resources
 * (see {@code com.signward.it.app}): what a client sees, on every runtime.
 */
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
        return Deployments.war("signward-it", Deployments.defaultConfig());
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
        assertEquals("open", Expect.ok(http().get("api/open", Tokens.valid(USER))).getString("resource"));
    }

    /** The chosen behaviour: a presented bad credential is always rejected, on public URLs too. */
    @Test
    void invalidTokenOnPermitAllResourceIsRejected() {
        String token = Tokens.expired(USER);
        Expect.invalidToken(http().get("api/open", token), token);
    }

    // --- token kinds (RFC 8725 §3.11, RFC 9068 §4) -------------------------------------------------------

    @Test
    void tokensOfOtherKindsAreNotAccessTokens() {
        for (String typ : List.of("logout+jwt", "secevent+jwt", "dpop+jwt")) {
            String token = Tokens.typed(ADMIN, typ);
            Expect.invalidToken(http().get("api/me", token), token, "token type not accepted");
        }
        String logout = Tokens.logoutTokenShape(ADMIN);
        Expect.invalidToken(http().get("api/me", logout), logout, "token type not accepted");
    }

    @Test
    void typedAccessTokensAreAccepted() {
        for (String typ : List.of("at+jwt", "application/at+jwt", "JWT")) {
            assertEquals(ADMIN.sub(), Expect.ok(http().get("api/me", Tokens.typed(ADMIN, typ))).getString("userId"));
        }
    }

    @Test
    void invalidTokenOnUnannotatedResourceIsRejected() {
        String token = Tokens.badSignature(USER);
        Expect.invalidToken(http().get("api/public", token), token);
    }

    // --- the authenticated user ------------------------------------------------------------------------

    @Test
    void validTokenGivesTheResourceTheSignwardUser() {
        JsonObject me = Expect.ok(http().get("api/me", Tokens.valid(ALICE)));
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
        JsonObject me = Expect.ok(http().get("api/me", Tokens.valid(noName)));
        assertEquals("Nora Tester", me.getString("name"));
    }

    @Test
    void craftedTokenWithNothingWrongIsAccepted() {
        // the control for the broken tokens below: same crafting, no rule broken
        assertEquals(ADMIN.sub(), Expect.ok(http().get("api/me", Tokens.craftedValid(ADMIN))).getString("userId"));
    }

    // --- roles -----------------------------------------------------------------------------------------

    @Test
    void rolesAllowedAcceptsABuiltInRole() {
        Expect.ok(http().get("api/reports", Tokens.valid(ADMIN)));
    }

    @Test
    void rolesAllowedAcceptsACustomRole() {
        Expect.ok(http().get("api/reports", Tokens.valid(ALICE)));
    }

    @Test
    void missingRoleIsForbidden() {
        Expect.forbidden(http().get("api/reports", Tokens.valid(USER)));
        Expect.forbidden(http().get("api/admin", Tokens.valid(USER)));
        Expect.forbidden(http().get("api/me", Tokens.valid(TestUser.named("gus").withRoles("guest"))));
    }

    @Test
    void requiresRolesAllOfNeedsEveryRole() {
        Expect.ok(http().get("api/finance", Tokens.valid(ADMIN.withCustomRoles("billing"))));
        Expect.forbidden(http().get("api/finance", Tokens.valid(ADMIN)));
        Expect.forbidden(http().get("api/finance", Tokens.valid(USER.withCustomRoles("billing"))));
    }

    @Test
    void requiresRolesWithoutCustomIgnoresCustomRoles() {
        Expect.ok(http().get("api/editor", Tokens.valid(USER.withRoles("user", "editor"))));
        Expect.forbidden(http().get("api/editor", Tokens.valid(USER.withCustomRoles("editor"))));
    }

    @Test
    void requiresRolesOnTheResourceClass() {
        Expect.ok(http().get("api/owner", Tokens.valid(USER.withRoles("owner"))));
        Expect.forbidden(http().get("api/owner", Tokens.valid(USER)));
    }

    @Test
    void requiresRolesOnACdiBean() {
        // custom_roles as a single string counts as a one-element list
        JsonObject body = Expect.ok(http().get("api/audit", Tokens.valid(USER.withCustomRoleString("auditor"))));
        assertEquals("audit-report", body.getString("resource"));
        Expect.forbidden(http().get("api/audit", Tokens.valid(USER)));
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
        List<String> tokens = users.stream().map(Tokens::valid).toList();
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
        Expect.authenticationRequired(http().get("api/me?access_token=" + Tokens.valid(ALICE)));
    }

    @Test
    void malformedTokenIsRejected() {
        rejected(Tokens.malformed());
        rejected(Tokens.garbageSegments());
    }

    @Test
    void expiredTokenIsRejected() {
        rejected(Tokens.expired(ALICE));
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        rejected(Tokens.wrongAudience(ALICE));
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        rejected(Tokens.wrongIssuer(ALICE));
    }

    @Test
    void tokenWithBadSignatureIsRejected() {
        rejected(Tokens.badSignature(ALICE));
    }

    @Test
    void unsignedTokenIsRejected() {
        rejected(Tokens.algNone(ALICE));
    }

    private void rejected(String token) {
        Expect.invalidToken(http().get("api/me", token), token);
    }

    private static Set<String> strings(JsonObject json, String key) {
        return json.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toSet());
    }
}
