package com.signward.idserver.web;

import com.signward.idserver.SignwardClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static com.signward.idserver.web.IdTokens.idToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdTokenVerifierTest {

    private static final String NONCE = "the-nonce";
    private static FakeProvider provider;
    private static SignwardClient confidential;
    private static SignwardClient publicClient;
    private static IdTokenVerifier verifier;
    private static IdTokenVerifier publicVerifier;

    @BeforeAll
    static void start() throws Exception {
        provider = new FakeProvider();
        confidential = provider.client(true);
        publicClient = provider.client(false);
        verifier = WebLogin.verifier(confidential, Clock.systemUTC());
        publicVerifier = WebLogin.verifier(publicClient, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        confidential.close();
        publicClient.close();
        provider.close();
    }

    private static Instant started() {
        return Instant.now().minusSeconds(5);
    }

    private static VerifiedIdToken login(String token) throws LoginException {
        return verifier.verifyLogin(token, NONCE, started(), null);
    }

    private static void assertRejected(String token, String rule) {
        LoginException e = assertThrows(LoginException.class, () -> login(token));
        assertEquals(400, e.status());
        assertEquals("login failed: the ID token was rejected", e.getMessage(), "the browser sees no detail");
        assertTrue(e.detail().contains(rule), () -> "detail '" + e.detail() + "' should name '" + rule + "'");
        assertFalse(token != null && e.detail().contains(token), "never the token");
    }

    @Test
    void acceptsAValidRs256IdToken() throws Exception {
        VerifiedIdToken verified = login(idToken(provider.issuer()).rs256());
        assertEquals("ada@example.com", verified.claims().get("email"));
        assertEquals("3f2a3c5e-8d1b-4c1e-9b7a-0d6c2e1f4a5b", verified.facts().subject());
        assertEquals(NONCE, verified.facts().nonce());
        assertNull(verified.facts().authorizedParty());
    }

    @Test
    void nonceMustMatchTheLoginAttempt() {
        assertRejected(idToken(provider.issuer()).claim("nonce", "another-nonce").rs256(), "nonce does not match");
        assertRejected(idToken(provider.issuer()).without("nonce").rs256(), "no nonce");
    }

    @Test
    void audienceMustContainTheClientId() {
        assertRejected(idToken(provider.issuer()).audience("another-client").rs256(), "audience");
    }

    @Test
    void severalAudiencesNeedAnAuthorizedPartyThatIsTheClient() throws Exception {
        assertRejected(idToken(provider.issuer()).audience(FakeProvider.CLIENT_ID, "other-api").rs256(),
                "several audiences but no authorized party (azp)");
        assertRejected(idToken(provider.issuer()).audience(FakeProvider.CLIENT_ID, "other-api")
                .claim("azp", "other-api").rs256(), "azp");
        assertRejected(idToken(provider.issuer()).claim("azp", "other-client").rs256(), "azp");
        VerifiedIdToken ok = login(idToken(provider.issuer()).audience(FakeProvider.CLIENT_ID, "other-api")
                .claim("azp", FakeProvider.CLIENT_ID).rs256());
        assertEquals(FakeProvider.CLIENT_ID, ok.facts().authorizedParty());
    }

    @Test
    void expiredOrFutureOrStaleTokensAreRejected() {
        assertRejected(idToken(provider.issuer()).time("exp", -60).rs256(), "expired");
        assertRejected(idToken(provider.issuer()).time("iat", 600).time("exp", 1200).rs256(), "future");
        assertRejected(idToken(provider.issuer()).time("iat", -120).rs256(), "before the login attempt started");
        assertRejected(idToken(provider.issuer()).without("iat").rs256(), "iat");
        assertRejected(idToken(provider.issuer()).without("exp").rs256(), "exp");
    }

    @Test
    void issuerSubjectAndSignatureAreChecked() {
        assertRejected(idToken("https://evil.example").rs256(), "issuer");
        assertRejected(idToken(provider.issuer()).without("sub").rs256(), "sub");
        assertRejected(idToken(provider.issuer()).rs256WithOtherKey(), "signature");
        assertRejected(idToken(provider.issuer()).unsigned(), "none");
        assertRejected("not-a-jwt", "malformed");
        assertRejected(idToken(provider.issuer()).claim("padding", "x".repeat(17_000)).rs256(), "16 KiB");
    }

    @Test
    void missingIdTokenIsRejected() {
        assertRejected(null, "no id_token");
    }

    @Test
    void atHashMustMatchTheAccessTokenWhenPresent() throws Exception {
        String accessToken = "an-access-token";
        String atHash = Secrets.leftHalfHash("SHA-256", accessToken);
        String token = idToken(provider.issuer()).claim("at_hash", atHash).rs256();
        verifier.verifyLogin(token, NONCE, started(), accessToken);
        LoginException e = assertThrows(LoginException.class,
                () -> verifier.verifyLogin(token, NONCE, started(), "another-access-token"));
        assertTrue(e.detail().contains("at_hash"));
    }

    @Test
    void hmacIdTokensAreVerifiedWithTheClientSecret() throws Exception {
        for (String alg : List.of("HS256", "HS384", "HS512")) {
            VerifiedIdToken ok = login(idToken(provider.issuer()).hmac(alg, FakeProvider.CLIENT_SECRET));
            assertEquals("ada@example.com", ok.claims().get("email"), alg);
        }
        assertRejected(idToken(provider.issuer()).hmac("HS256", FakeProvider.CLIENT_SECRET + "x"),
                "signature verification with the client secret failed");
        assertRejected(idToken(provider.issuer()).claim("nonce", "other").hmac("HS256", FakeProvider.CLIENT_SECRET),
                "nonce");
        assertRejected(idToken(provider.issuer()).audience("other").hmac("HS256", FakeProvider.CLIENT_SECRET),
                "audience");
        assertRejected(idToken("https://evil.example").hmac("HS256", FakeProvider.CLIENT_SECRET), "issuer");
        assertRejected(idToken(provider.issuer()).time("exp", -60).hmac("HS256", FakeProvider.CLIENT_SECRET),
                "expired");
    }

    @Test
    void hmacIdTokensNeedAClientSecret() {
        String token = idToken(provider.issuer()).hmac("HS256", FakeProvider.CLIENT_SECRET);
        LoginException e = assertThrows(LoginException.class,
                () -> publicVerifier.verifyLogin(token, NONCE, started(), null));
        assertTrue(e.detail().contains("needs a client secret"), e.detail());
    }

    @Test
    void hmacWithTheRsaPublicKeyAsSecretIsRejected() {
        byte[] publicKey = FakeProvider.KEY.getPublicKey().getEncoded();
        String forged = idToken(provider.issuer()).hmac("HS256",
                new String(publicKey, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertRejected(forged, "signature");
    }

    @Test
    void aShortClientSecretCannotVerifyHmac() {
        HmacIdTokenValidator shortSecret = new HmacIdTokenValidator("too-short", java.time.Duration.ofSeconds(10),
                Clock.systemUTC());
        LoginException e = assertThrows(LoginException.class, () -> shortSecret.validate(
                idToken(provider.issuer()).hmac("HS256", "too-short-but-padded-to-32-bytes!!"), "HS256",
                provider.issuer(), FakeProvider.CLIENT_ID));
        assertTrue(e.detail().contains("too short"));
    }

    @Test
    void refreshedIdTokensMustFitTheLogin() throws Exception {
        VerifiedIdToken original = login(idToken(provider.issuer()).rs256());
        IdTokenFacts facts = original.facts();

        VerifiedIdToken refreshed = verifier.verifyRefresh(idToken(provider.issuer()).without("nonce").rs256(),
                facts, null);
        assertEquals(facts.subject(), refreshed.facts().subject());
        verifier.verifyRefresh(idToken(provider.issuer()).rs256(), facts, null);

        assertThrows(LoginException.class, () -> verifier.verifyRefresh(
                idToken(provider.issuer()).claim("sub", "someone-else").rs256(), facts, null));
        assertThrows(LoginException.class, () -> verifier.verifyRefresh(
                idToken(provider.issuer()).claim("azp", "another-client").rs256(), facts, null));
        verifier.verifyRefresh(idToken(provider.issuer()).claim("azp", FakeProvider.CLIENT_ID).rs256(), facts, null);
        assertThrows(LoginException.class, () -> verifier.verifyRefresh(
                idToken(provider.issuer()).claim("nonce", "other").rs256(), facts, null));
        assertThrows(LoginException.class, () -> verifier.verifyRefresh(
                idToken(provider.issuer()).time("exp", -60).rs256(), facts, null));

        IdTokenFacts withAuthTime = new IdTokenFacts(facts.subject(), null, 1_700_000_000L, NONCE);
        assertThrows(LoginException.class, () -> verifier.verifyRefresh(
                idToken(provider.issuer()).claim("auth_time", 1_700_000_999L).rs256(), withAuthTime, null));
        verifier.verifyRefresh(idToken(provider.issuer()).claim("auth_time", 1_700_000_000L).rs256(),
                withAuthTime, null);
    }
}
