package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Back-channel logout tokens (OpenID Connect Back-Channel Logout 1.0 §2.4, §2.6). */
class LogoutTokenRulesTest {

    private static final String CLIENT_ID = "web-app";
    private static final Map<String, Object> EVENTS = Map.of(TimeRules.BACKCHANNEL_LOGOUT_EVENT, Map.of());

    private final ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1);
    private final LogoutTokenRules rules = new LogoutTokenRules(TestTokens.ISSUER, CLIENT_ID, ValidatorFixture.SKEW);

    /** A valid logout token: typ logout+jwt, iss, aud, iat, exp, jti, events, sid (and sub from the builder). */
    private TestTokens.Builder logoutToken() {
        return f.tokens.token().header("typ", "logout+jwt").claim("aud", CLIENT_ID).claim("events", EVENTS)
                .claim("sid", "session-1");
    }

    private VerifiedJwt verify(String token) throws Exception {
        return f.verifier.verify(token, rules);
    }

    private void assertRejected(String token, String rule) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verify(token));
        ValidatorFixture.assertMessage(e, rule, token);
    }

    @Test
    void aValidLogoutTokenIsAccepted() throws Exception {
        VerifiedJwt verified = verify(logoutToken().signWith(TestKeys.RSA_1));
        assertEquals("session-1", verified.claims().get("sid"));
        verify(logoutToken().header("typ", "application/logout+jwt").signWith(TestKeys.RSA_1));
        // sid or sub alone is enough; exp is optional
        verify(logoutToken().without("sid").signWith(TestKeys.RSA_1));
        verify(logoutToken().without("sub").signWith(TestKeys.RSA_1));
        VerifiedJwt noExp = verify(logoutToken().without("exp").signWith(TestKeys.RSA_1));
        assertEquals(null, noExp.expiresAt());
        verify(logoutToken().claim("aud", List.of("other", CLIENT_ID)).signWith(TestKeys.RSA_1));
    }

    @Test
    void typIsOptional() throws Exception {
        String token = f.tokens.token().claim("aud", CLIENT_ID).claim("events", EVENTS).claim("sid", "s")
                .signWith(TestKeys.RSA_1);
        verify(token);
    }

    @Test
    void otherTypesAreRejected() {
        assertRejected(logoutToken().header("typ", "JWT").signWith(TestKeys.RSA_1), "token type not accepted");
        assertRejected(logoutToken().header("typ", "at+jwt").signWith(TestKeys.RSA_1), "token type not accepted");
        assertRejected(logoutToken().header("typ", "secevent+jwt").signWith(TestKeys.RSA_1),
                "token type not accepted");
    }

    @Test
    void theLogoutEventIsRequired() {
        assertRejected(logoutToken().without("events").signWith(TestKeys.RSA_1), "no back-channel logout event");
        assertRejected(logoutToken().claim("events", "backchannel-logout").signWith(TestKeys.RSA_1),
                "no back-channel logout event");
        assertRejected(logoutToken().claim("events", List.of(TimeRules.BACKCHANNEL_LOGOUT_EVENT))
                .signWith(TestKeys.RSA_1), "no back-channel logout event");
        assertRejected(logoutToken().claim("events", Map.of("http://schemas.openid.net/event/other", Map.of()))
                .signWith(TestKeys.RSA_1), "no back-channel logout event");
        assertRejected(logoutToken().claim("events", Map.of(TimeRules.BACKCHANNEL_LOGOUT_EVENT, "yes"))
                .signWith(TestKeys.RSA_1), "no back-channel logout event");
        assertRejected(logoutToken().claim("events", Map.of(TimeRules.BACKCHANNEL_LOGOUT_EVENT, List.of()))
                .signWith(TestKeys.RSA_1), "no back-channel logout event");
    }

    @Test
    void sidOrSubIsRequired() {
        assertRejected(logoutToken().without("sid").without("sub").signWith(TestKeys.RSA_1), "neither sid nor sub");
        assertRejected(logoutToken().claim("sid", " ").without("sub").signWith(TestKeys.RSA_1),
                "neither sid nor sub");
    }

    @Test
    void aNonceIsForbidden() {
        assertRejected(logoutToken().claim("nonce", "n").signWith(TestKeys.RSA_1), "must not contain a nonce");
    }

    @Test
    void timesAreChecked() {
        assertRejected(logoutToken().without("iat").signWith(TestKeys.RSA_1), "required claim missing: iat");
        assertRejected(logoutToken().time("iat", 600).time("exp", 900).signWith(TestKeys.RSA_1),
                "token issued in the future");
        assertRejected(logoutToken().time("iat", -600).time("exp", -60).signWith(TestKeys.RSA_1), "token expired");
    }

    @Test
    void issuerAudienceAndJtiAreChecked() {
        assertRejected(logoutToken().claim("iss", "https://evil.example").signWith(TestKeys.RSA_1), "issuer mismatch");
        assertRejected(logoutToken().claim("aud", "another-client").signWith(TestKeys.RSA_1), "audience mismatch");
        assertRejected(logoutToken().without("jti").signWith(TestKeys.RSA_1), "required claim missing: jti");
        assertRejected(logoutToken().claim("jti", "").signWith(TestKeys.RSA_1), "required claim missing: jti");
    }

    @Test
    void theSignatureIsChecked() {
        assertRejected(logoutToken().kid("rsa-1").signWith(TestKeys.RSA_2), "signature invalid");
        String token = logoutToken().signWith(TestKeys.RSA_1);
        String tampered = TestTokens.withHeader(token, "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"logout+jwt\","
                + "\"x\":\"" + UUID.randomUUID() + "\"}");
        assertRejected(tampered, "signature invalid");
    }

    @Test
    void aLogoutTokenIsNotAnAccessToken() {
        String token = logoutToken().claim("aud", TestTokens.AUDIENCE).signWith(TestKeys.RSA_1);
        f.assertRejected(token, "token type not accepted");
        // even without its typ: the events claim gives it away
        f.assertRejected(f.tokens.token().claim("events", EVENTS).claim("sid", "s").signWith(TestKeys.RSA_1),
                "token type not accepted");
    }

    @Test
    void skewApplies() throws Exception {
        String token = logoutToken().time("iat", 5).time("exp", 60).signWith(TestKeys.RSA_1);
        verify(token); // iat within the 10 s skew
        f.clock.advance(Duration.ofSeconds(69));
        verify(token);
        f.clock.advance(Duration.ofSeconds(1));
        assertRejected(token, "token expired");
    }
}
