package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/** ID-token rules (OpenID Connect Core §3.1.3.7, §12.2) through {@link JwtVerifier} with {@link ClientSecretKeys}. */
class IdTokenRulesTest {

    private static final String CLIENT_ID = "web-app";
    private static final String NONCE = "the-nonce";
    private static final String SECRET = "a-client-secret-that-is-long-enough-for-hs512-0123456789abcdefgh";
    private static final Duration SKEW = ValidatorFixture.SKEW;

    private final MutableClock clock = new MutableClock();
    private final TestTokens tokens = new TestTokens(clock);
    private final CountingFetcher fetcher = new CountingFetcher(TestKeys.RSA_1);
    private final JwksKeys jwks = new JwksKeys(new JwksKeySource(fetcher, ValidatorFixture.MIN_REFRESH_INTERVAL,
            ValidatorFixture.MAX_STALE, clock));
    /** A confidential client: asymmetric algorithms from the JWKS, HS* with the client secret. */
    private final JwtVerifier verifier = new JwtVerifier(new ClientSecretKeys(SECRET, jwks), clientPolicy(true),
            clock);
    /** A public client: no HS*. */
    private final JwtVerifier publicVerifier = new JwtVerifier(new ClientSecretKeys(null, jwks), clientPolicy(false),
            clock);

    /** As the core builds it: the asymmetric algorithms, plus HS* (client secret) for a confidential client. */
    static AlgorithmPolicy clientPolicy(boolean withSecret) {
        Set<String> allowed = new HashSet<>(AlgorithmPolicy.ASYMMETRIC);
        if (withSecret) {
            allowed.addAll(AlgorithmPolicy.SYMMETRIC);
        }
        return new AlgorithmPolicy(allowed, false);
    }

    private TestTokens.Builder idToken() {
        return idToken(TestTokens.ISSUER);
    }

    private TestTokens.Builder idToken(String issuer) {
        return tokens.token().claim("iss", issuer).claim("aud", CLIENT_ID)
                .claim("sub", "3f2a3c5e-8d1b-4c1e-9b7a-0d6c2e1f4a5b").claim("nonce", NONCE)
                .claim("email", "ada@example.com").claim("roles", List.of("user")).header("typ", "JWT");
    }

    private Instant started() {
        return clock.instant().minusSeconds(5);
    }

    private IdTokenRules loginRules(String accessToken) {
        return IdTokenRules.forLogin(TestTokens.ISSUER, CLIENT_ID, SKEW, NONCE, started(), accessToken);
    }

    private VerifiedJwt login(String token) throws Exception {
        return verifier.verify(token, loginRules(null));
    }

    private void assertRejected(String token, String rule) {
        assertRejected(verifier, loginRules(null), token, rule);
    }

    private static void assertRejected(JwtVerifier verifier, ClaimRules rules, String token, String rule) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier.verify(token, rules));
        ValidatorFixture.assertMessage(e, rule, token);
    }

    @Test
    void acceptsAValidRs256IdToken() throws Exception {
        VerifiedJwt verified = login(idToken().signWith(TestKeys.RSA_1));
        assertEquals("ada@example.com", verified.claims().get("email"));
        IdTokenFacts facts = loginRules(null).facts(verified.claims());
        assertEquals("3f2a3c5e-8d1b-4c1e-9b7a-0d6c2e1f4a5b", facts.subject());
        assertEquals(NONCE, facts.nonce());
        assertNull(facts.authorizedParty());
        // no typ is fine too
        login(tokens.token().claim("aud", CLIENT_ID).claim("nonce", NONCE).signWith(TestKeys.RSA_1));
    }

    @Test
    void nonceMustMatchTheLoginAttempt() {
        assertRejected(idToken().claim("nonce", "another-nonce").signWith(TestKeys.RSA_1), "nonce does not match");
        assertRejected(idToken().without("nonce").signWith(TestKeys.RSA_1), "no nonce");
    }

    @Test
    void audienceMustContainTheClientId() {
        assertRejected(idToken().claim("aud", "another-client").signWith(TestKeys.RSA_1), "audience");
    }

    @Test
    void severalAudiencesNeedAnAuthorizedPartyThatIsTheClient() throws Exception {
        assertRejected(idToken().claim("aud", List.of(CLIENT_ID, "other-api")).signWith(TestKeys.RSA_1),
                "several audiences but no authorized party (azp)");
        assertRejected(idToken().claim("aud", List.of(CLIENT_ID, "other-api")).claim("azp", "other-api")
                .signWith(TestKeys.RSA_1), "azp");
        assertRejected(idToken().claim("azp", "other-client").signWith(TestKeys.RSA_1), "azp");
        VerifiedJwt ok = login(idToken().claim("aud", List.of(CLIENT_ID, "other-api")).claim("azp", CLIENT_ID)
                .signWith(TestKeys.RSA_1));
        assertEquals(CLIENT_ID, loginRules(null).facts(ok.claims()).authorizedParty());
    }

    @Test
    void expiredOrFutureOrStaleTokensAreRejected() {
        assertRejected(idToken().time("exp", -60).signWith(TestKeys.RSA_1), "expired");
        assertRejected(idToken().time("iat", 600).time("exp", 1200).signWith(TestKeys.RSA_1), "future");
        assertRejected(idToken().time("iat", -120).signWith(TestKeys.RSA_1), "before the login attempt started");
        assertRejected(idToken().without("iat").signWith(TestKeys.RSA_1), "iat");
        assertRejected(idToken().without("exp").signWith(TestKeys.RSA_1), "exp");
    }

    @Test
    void issuerSubjectAndSignatureAreChecked() {
        assertRejected(idToken("https://evil.example").signWith(TestKeys.RSA_1), "issuer");
        assertRejected(idToken().without("sub").signWith(TestKeys.RSA_1), "sub");
        assertRejected(idToken().kid("rsa-1").signWith(TestKeys.RSA_2), "signature");
        assertRejected(idToken().signWith(null, "none", null), "none");
        assertRejected("not-a-jwt", "malformed");
        assertRejected(idToken().claim("padding", "x".repeat(17_000)).signWith(TestKeys.RSA_1), "16 KiB");
    }

    @Test
    void missingIdTokenIsRejected() {
        assertRejected(null, "malformed token");
        assertRejected("", "malformed token");
    }

    @Test
    void otherTokenKindsAreNotIdTokens() {
        assertRejected(idToken().header("typ", "at+jwt").signWith(TestKeys.RSA_1), "token type not accepted");
        assertRejected(idToken().header("typ", "logout+jwt").signWith(TestKeys.RSA_1), "token type not accepted");
        assertRejected(idToken().claim("events", java.util.Map.of(TimeRules.BACKCHANNEL_LOGOUT_EVENT,
                java.util.Map.of())).signWith(TestKeys.RSA_1), "token type not accepted");
    }

    @Test
    void atHashMustMatchTheAccessTokenWhenPresent() throws Exception {
        String accessToken = "an-access-token";
        String atHash = IdTokenRules.leftHalfHash("SHA-256", accessToken);
        String token = idToken().claim("at_hash", atHash).signWith(TestKeys.RSA_1);
        verifier.verify(token, loginRules(accessToken));
        verifier.verify(token, loginRules(null)); // nothing to compare with
        assertRejected(verifier, loginRules("another-access-token"), token, "at_hash");
    }

    @Test
    void hmacIdTokensAreVerifiedWithTheClientSecret() throws Exception {
        for (String alg : List.of("HS256", "HS384", "HS512")) {
            VerifiedJwt ok = login(hmac(idToken(), alg, SECRET));
            assertEquals("ada@example.com", ok.claims().get("email"), alg);
        }
        assertRejected(hmac(idToken(), "HS256", SECRET + "x"), "signature invalid");
        assertRejected(hmac(idToken().claim("nonce", "other"), "HS256", SECRET), "nonce");
        assertRejected(hmac(idToken().claim("aud", "other"), "HS256", SECRET), "audience");
        assertRejected(hmac(idToken("https://evil.example"), "HS256", SECRET), "issuer");
        assertRejected(hmac(idToken().time("exp", -60), "HS256", SECRET), "expired");
    }

    @Test
    void hmacIdTokensNeedAClientSecret() {
        String token = hmac(idToken(), "HS256", SECRET);
        // a public client does not even allow HS*
        assertRejected(publicVerifier, loginRules(null), token, "algorithm not allowed: HS256");
        // and without a secret, HS* finds no key even when allowed
        JwtVerifier noSecret = new JwtVerifier(new ClientSecretKeys(null, jwks), clientPolicy(true), clock);
        assertRejected(noSecret, loginRules(null), token, "needs a client secret");
    }

    @Test
    void hmacWithTheRsaPublicKeyAsSecretIsRejected() {
        byte[] publicKey = TestKeys.RSA_1.getPublicKey().getEncoded();
        String forged = hmac(idToken(), "HS256", new String(publicKey, StandardCharsets.ISO_8859_1));
        assertRejected(forged, "signature");
    }

    @Test
    void jwksSymmetricKeysNeverVerifyIdTokens() {
        org.jose4j.jwk.OctetSequenceJsonWebKey oct = TestKeys.oct("hmac", 512);
        fetcher.serve(TestKeys.RSA_1, oct);
        // HS* always means the client secret: the JWKS oct key is not used
        assertRejected(idToken().alg("HS256").signWith(oct), "signature invalid");
    }

    @Test
    void aShortClientSecretCannotVerifyHmac() {
        JwtVerifier shortSecret = new JwtVerifier(new ClientSecretKeys("too-short", jwks), clientPolicy(true), clock);
        assertRejected(shortSecret, loginRules(null), hmac(idToken(), "HS256", "too-short-but-padded-to-32-bytes!!"),
                "too short");
    }

    @Test
    void refreshedIdTokensMustFitTheLogin() throws Exception {
        VerifiedJwt original = login(idToken().signWith(TestKeys.RSA_1));
        IdTokenFacts facts = loginRules(null).facts(original.claims());
        IdTokenRules refresh = IdTokenRules.forRefresh(TestTokens.ISSUER, CLIENT_ID, SKEW, facts, null);

        VerifiedJwt refreshed = verifier.verify(idToken().without("nonce").signWith(TestKeys.RSA_1), refresh);
        assertEquals(facts.subject(), refresh.facts(refreshed.claims()).subject());
        verifier.verify(idToken().signWith(TestKeys.RSA_1), refresh);
        // a refreshed ID token may be issued long after the login
        clock.advance(Duration.ofHours(2));
        verifier.verify(idToken().signWith(TestKeys.RSA_1), refresh);

        assertRejected(verifier, refresh, idToken().claim("sub", "someone-else").signWith(TestKeys.RSA_1),
                "another subject");
        assertRejected(verifier, refresh, idToken().claim("azp", "another-client").signWith(TestKeys.RSA_1), "azp");
        verifier.verify(idToken().claim("azp", CLIENT_ID).signWith(TestKeys.RSA_1), refresh);
        assertRejected(verifier, refresh, idToken().claim("nonce", "other").signWith(TestKeys.RSA_1),
                "another nonce");
        assertRejected(verifier, refresh, idToken().time("exp", -60).signWith(TestKeys.RSA_1), "expired");

        IdTokenFacts withAuthTime = new IdTokenFacts(facts.subject(), null, 1_700_000_000L, NONCE);
        IdTokenRules refreshWithAuthTime = IdTokenRules.forRefresh(TestTokens.ISSUER, CLIENT_ID, SKEW, withAuthTime,
                null);
        assertRejected(verifier, refreshWithAuthTime, idToken().claim("auth_time", 1_700_000_999L)
                .signWith(TestKeys.RSA_1), "auth_time");
        verifier.verify(idToken().claim("auth_time", 1_700_000_000L).signWith(TestKeys.RSA_1), refreshWithAuthTime);
    }

    @Test
    void standaloneChecksTheNonceOnlyWhenGiven() throws Exception {
        String token = idToken().time("iat", -3600).time("exp", 300).signWith(TestKeys.RSA_1);
        verifier.verify(token, IdTokenRules.standalone(TestTokens.ISSUER, CLIENT_ID, SKEW, null));
        verifier.verify(token, IdTokenRules.standalone(TestTokens.ISSUER, CLIENT_ID, SKEW, NONCE));
        assertRejected(verifier, IdTokenRules.standalone(TestTokens.ISSUER, CLIENT_ID, SKEW, "other"), token,
                "nonce does not match");
    }

    private static String hmac(TestTokens.Builder builder, String alg, String secret) {
        return builder.signWith(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)), alg, null);
    }
}
