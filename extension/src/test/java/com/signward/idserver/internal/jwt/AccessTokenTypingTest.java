package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Explicit typing of access tokens (RFC 9068, RFC 8725 §3.11) and the allowed clients. */
class AccessTokenTypingTest {

    private final ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1);

    private static AccessTokenRules rules(List<String> types, List<String> clients) {
        return new AccessTokenRules(TestTokens.ISSUER, TestTokens.AUDIENCE, ValidatorFixture.SKEW, types, clients);
    }

    private void assertRejected(String token, AccessTokenRules rules, String rule) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> f.verifier.verify(token, rules));
        ValidatorFixture.assertMessage(e, rule, token);
    }

    private static final Map<String, Object> LOGOUT_EVENT = Map.of(TimeRules.BACKCHANNEL_LOGOUT_EVENT, Map.of());

    @ParameterizedTest
    @ValueSource(strings = {"at+jwt", "application/at+jwt", "JWT", "jwt", "AT+JWT", "Application/AT+JWT"})
    void acceptedTypesByDefault(String typ) throws Exception {
        f.validate(f.tokens.token().header("typ", typ).signWith(TestKeys.RSA_1));
    }

    @Test
    void noTypIsAcceptedByDefault() throws Exception {
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"logout+jwt", "secevent+jwt", "dpop+jwt", "application/logout+jwt", "JOSE", "id+jwt"})
    void otherTypesAreRejected(String typ) {
        f.assertRejected(f.tokens.token().header("typ", typ).signWith(TestKeys.RSA_1), "token type not accepted");
    }

    @Test
    void aTokenWithAnEventsClaimIsNeverAnAccessToken() {
        f.assertRejected(f.tokens.token().header("typ", "at+jwt").claim("events", LOGOUT_EVENT)
                .signWith(TestKeys.RSA_1), "token type not accepted");
        f.assertRejected(f.tokens.token().claim("events", LOGOUT_EVENT).signWith(TestKeys.RSA_1),
                "token type not accepted");
        assertRejected(f.tokens.token().header("typ", "at+jwt").claim("events", LOGOUT_EVENT)
                .signWith(TestKeys.RSA_1), rules(List.of("at+jwt"), List.of()), "token type not accepted");
    }

    @Test
    void anIdTokenIsRejectedWhenOnlyAtJwtIsConfigured() throws Exception {
        String idToken = f.tokens.token().header("typ", "JWT").claim("nonce", "n-1").claim("azp", "web-app")
                .signWith(TestKeys.RSA_1);
        f.verifier.verify(idToken, ValidatorFixture.rules()); // the defaults cannot tell (typ JWT is allowed)
        assertRejected(idToken, rules(List.of("at+jwt"), List.of()), "token type not accepted");
    }

    @Test
    void configuredTypesAreRequiredAndCompareAsMediaTypes() throws Exception {
        AccessTokenRules strict = rules(List.of("at+jwt"), List.of());
        assertRejected(f.tokens.token().signWith(TestKeys.RSA_1), strict, "token type not accepted");
        f.verifier.verify(f.tokens.token().header("typ", "at+jwt").signWith(TestKeys.RSA_1), strict);
        f.verifier.verify(f.tokens.token().header("typ", "application/AT+JWT").signWith(TestKeys.RSA_1), strict);
        assertRejected(f.tokens.token().header("typ", "jwt").signWith(TestKeys.RSA_1), strict,
                "token type not accepted");
        AccessTokenRules custom = rules(List.of("application/vnd.example+jwt"), List.of());
        f.verifier.verify(f.tokens.token().header("typ", "vnd.example+jwt").signWith(TestKeys.RSA_1), custom);
        assertRejected(f.tokens.token().header("typ", "at+jwt").signWith(TestKeys.RSA_1), custom,
                "token type not accepted");
    }

    @Test
    void allowedClients() throws Exception {
        AccessTokenRules clients = rules(List.of(), List.of("app-a", "app-b"));
        assertEquals("app-a", f.verifier.verify(f.tokens.token().claim("azp", "app-a").signWith(TestKeys.RSA_1),
                clients).claims().get("azp"));
        f.verifier.verify(f.tokens.token().claim("client_id", "app-b").signWith(TestKeys.RSA_1), clients);
        // azp wins over client_id
        assertRejected(f.tokens.token().claim("azp", "other").claim("client_id", "app-a").signWith(TestKeys.RSA_1),
                clients, "client not allowed");
        assertRejected(f.tokens.token().claim("azp", "other").signWith(TestKeys.RSA_1), clients,
                "client not allowed");
        assertRejected(f.tokens.token().claim("client_id", "APP-A").signWith(TestKeys.RSA_1), clients,
                "client not allowed");
        assertRejected(f.tokens.token().signWith(TestKeys.RSA_1), clients, "client not allowed");
        // no list: any client
        f.validate(f.tokens.token().claim("azp", "other").signWith(TestKeys.RSA_1));
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
    }
}
