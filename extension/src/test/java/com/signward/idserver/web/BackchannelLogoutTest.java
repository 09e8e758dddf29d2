package com.signward.idserver.web;

import com.signward.idserver.SignwardOptions;
import com.signward.idserver.TestCores;
import com.signward.idserver.internal.oidc.OidcCore;
import com.signward.idserver.web.state.MemoryStateStore;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The back-channel logout route's rules, with logout tokens signed by a provider's key the test controls. */
class BackchannelLogoutTest {

    private static FakeProvider provider;
    private static OidcCore core;
    private final MemoryStateStore store = new MemoryStateStore(Clock.systemUTC(), 1000);
    private final LogoutMarkers markers = new LogoutMarkers(store, FakeProvider.CLIENT_ID, Duration.ofHours(13),
            Clock.systemUTC());
    private final BackchannelLogout route = new BackchannelLogout(core, markers, Duration.ofMinutes(5),
            Clock.systemUTC());

    @BeforeAll
    static void start() throws Exception {
        provider = new FakeProvider();
        SignwardOptions options = provider.options(true);
        core = TestCores.core(options, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        core.close();
        provider.close();
    }

    private static String token(RsaJsonWebKey key, String typ, Consumer<JwtClaims> change) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(provider.issuer());
        claims.setAudience(FakeProvider.CLIENT_ID);
        claims.setIssuedAtToNow();
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setSubject("user-1");
        claims.setClaim("sid", "sid-1");
        claims.setClaim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        change.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        if (typ != null) {
            jws.setHeader("typ", typ);
        }
        return jws.getCompactSerialization();
    }

    private static String token(Consumer<JwtClaims> change) throws Exception {
        return token(FakeProvider.KEY, "logout+jwt", change);
    }

    private SessionLogin loginOf(String sub, String sid) {
        SessionLogin t = SessionLoginTest.login(Instant.now().plusSeconds(300), "rt");
        return new SessionLogin("at", "rt", "id", t.expiresAt(), t.user(),
                new com.signward.idserver.internal.jwt.IdTokenFacts(sub, null, null, "n"),
                Instant.now().minusSeconds(60), sid);
    }

    private void assertRefused(String token, String why) {
        LoginException e = assertThrows(LoginException.class, () -> route.logOut(token));
        assertEquals(400, e.status(), e.detail());
        assertTrue(e.detail().contains(why), e.detail());
    }

    @Test
    void aValidTokenEndsTheSessionOfItsSid() throws Exception {
        SessionLogin mine = loginOf("user-1", "sid-1");
        SessionLogin otherSession = loginOf("user-1", "sid-2");
        route.logOut(token(c -> { }));
        assertTrue(markers.loggedOut(mine));
        assertFalse(markers.loggedOut(otherSession));
    }

    @Test
    void withoutSidEverySessionOfTheUserEnds() throws Exception {
        SessionLogin a = loginOf("user-9", "sid-a");
        SessionLogin b = loginOf("user-9", null);
        route.logOut(token(c -> {
            c.setSubject("user-9");
            c.unsetClaim("sid");
        }));
        assertTrue(markers.loggedOut(a));
        assertTrue(markers.loggedOut(b));
    }

    @Test
    void aReplayedTokenIsRefused() throws Exception {
        String token = token(c -> { });
        route.logOut(token);
        assertRefused(token, "already used (jti)");
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsRefused() throws Exception {
        assertRefused(token(c -> c.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(
                Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond()))), "too old (iat)");
    }

    @Test
    void refusalsHaveFixedMetricLabels() throws Exception {
        String token = token(c -> { });
        route.logOut(token);
        assertEquals("logout token replayed", ruleOf(token));
        assertEquals("logout token too old", ruleOf(token(c -> c.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(
                Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond())))));
        assertEquals("signature invalid", ruleOf(token(FakeProvider.OTHER_KEY, "logout+jwt", c -> { })));
        assertEquals("malformed token", ruleOf("not-a-token"));
        assertEquals("malformed request", BackchannelLogout.rule(
                "exactly one logout_token form parameter is required"));
        assertEquals("other", BackchannelLogout.rule(null));
    }

    private String ruleOf(String token) {
        return BackchannelLogout.rule(assertThrows(LoginException.class, () -> route.logOut(token)).detail());
    }

    @Test
    void theLogoutTokenRulesApply() throws Exception {
        assertRefused(token(c -> c.setClaim("nonce", "n")), "nonce");
        assertRefused(token(c -> c.setAudience("another-client")), "aud");
        assertRefused(token(c -> c.unsetClaim("events")), "events");
        assertRefused(token(c -> {
            c.unsetClaim("sid");
            c.unsetClaim("sub");
        }), "neither sid nor sub");
        assertRefused(token(c -> c.unsetClaim("jti")), "jti");
        assertRefused(token(FakeProvider.KEY, "JWT", c -> { }), "logout token");
        assertRefused(token(FakeProvider.OTHER_KEY, "logout+jwt", c -> { }), "signature");
        assertRefused("not-a-token", "");
    }
}
