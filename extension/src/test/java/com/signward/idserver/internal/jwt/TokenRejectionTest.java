package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.List;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rejection rule: a TokenRejectedException whose message names the rule and never quotes the token. */
class TokenRejectionTest {
    private final ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1);

    @Test
    void algNoneIsRejected() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload("{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"idserver-api\",\"exp\":"
                + (f.clock.instant().getEpochSecond() + 300) + ",\"iat\":" + f.clock.instant().getEpochSecond() + "}");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setKeyIdHeaderValue("rsa-1");
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        String token = jws.getCompactSerialization();
        f.assertRejected(token, "algorithm not allowed: none");
        // "None" spelled otherwise, and none with a forged signature part, are refused as well
        f.assertRejected(f.tokens.token().signWith(null, "none", "rsa-1") + "c2lnbmF0dXJl",
                "algorithm not allowed: none");
        f.assertRejected(TestTokens.withHeader(token, "{\"alg\":\"NONE\",\"kid\":\"rsa-1\"}"),
                "algorithm not allowed: none");
        f.assertRejected(TestTokens.withHeader(token, "{\"alg\":\"RSA-OAEP\",\"kid\":\"rsa-1\"}"),
                "algorithm not allowed: RSA-OAEP");
        f.assertRejected(TestTokens.withHeader(token, "{\"kid\":\"rsa-1\"}"), "malformed token");
        assertEquals(0, f.fetcher.fetches(), "rejected before any key lookup");
    }

    @Test
    void hs256SignedWithTheRsaPublicKeyIsRejected() {
        byte[] publicKeyBytes = TestKeys.RSA_1.getPublicKey().getEncoded();
        String token = f.tokens.token().signWith(new HmacKey(publicKeyBytes), "HS256", "rsa-1");
        f.assertRejected(token, "algorithm not allowed: HS256 (symmetric keys are disabled)");

        // even with symmetric keys on, an RSA key never verifies an HMAC signature
        ValidatorFixture symmetric = new ValidatorFixture(true, TestKeys.RSA_1);
        String confused = symmetric.tokens.token().signWith(new HmacKey(publicKeyBytes), "HS256", "rsa-1");
        symmetric.assertRejected(confused, "key does not fit algorithm HS256");
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicKeyBytes)
                + "\n-----END PUBLIC KEY-----\n";
        symmetric.assertRejected(symmetric.tokens.token().signWith(new HmacKey(pem.getBytes()), "HS256", "rsa-1"),
                "key does not fit algorithm HS256");
    }

    @Test
    void wrongKidIsRejected() {
        f.assertRejected(f.tokens.token().kid("no-such-key").signWith(TestKeys.RSA_1), "unknown key id");
    }

    @Test
    void absentKidWithTwoKeysIsRejected() {
        ValidatorFixture two = new ValidatorFixture(TestKeys.RSA_1, TestKeys.RSA_2);
        two.assertRejected(two.tokens.token().noKid().signWith(TestKeys.RSA_1),
                "token has no key id (kid) and several keys fit algorithm RS256");
    }

    @Test
    void signatureByAnotherKeyIsRejected() {
        f.assertRejected(f.tokens.token().kid("rsa-1").signWith(TestKeys.RSA_2), "signature invalid");
        String token = f.tokens.token().signWith(TestKeys.RSA_1);
        String[] parts = token.split("\\.");
        String otherPayload = f.tokens.token().claim("roles", List.of("admin")).signWith(TestKeys.RSA_1).split("\\.")[1];
        f.assertRejected(parts[0] + "." + otherPayload + "." + parts[2], "signature invalid");
    }

    @Test
    void wrongIssuerIsRejected() {
        f.assertRejected(f.tokens.token().claim("iss", "https://evil.example").signWith(TestKeys.RSA_1),
                "issuer mismatch");
        f.assertRejected(f.tokens.token().claim("iss", TestTokens.ISSUER + "/").signWith(TestKeys.RSA_1),
                "issuer mismatch");
        f.assertRejected(f.tokens.token().without("iss").signWith(TestKeys.RSA_1), "issuer mismatch");
    }

    @Test
    void wrongAudienceIsRejected() {
        f.assertRejected(f.tokens.token().claim("aud", "other-api").signWith(TestKeys.RSA_1), "audience mismatch");
        f.assertRejected(f.tokens.token().claim("aud", List.of("a", "b")).signWith(TestKeys.RSA_1),
                "audience mismatch");
        f.assertRejected(f.tokens.token().without("aud").signWith(TestKeys.RSA_1), "audience mismatch");
    }

    @Test
    void audienceArrayContainingOursIsAccepted() throws Exception {
        f.validate(f.tokens.token().claim("aud", List.of("other", TestTokens.AUDIENCE)).signWith(TestKeys.RSA_1));
    }

    @Test
    void expiredTokenIsRejected() {
        f.assertRejected(f.tokens.token().time("iat", -600).time("exp", -60).signWith(TestKeys.RSA_1),
                "token expired");
    }

    @Test
    void expiryHonoursTheClockSkew() throws Exception {
        String token = f.tokens.token().time("exp", 60).signWith(TestKeys.RSA_1);
        f.clock.advance(java.time.Duration.ofSeconds(69)); // 60 s + 10 s skew not yet over
        f.validate(token);
        String other = f.tokens.token().time("iat", -60).time("exp", -9).signWith(TestKeys.RSA_1);
        f.validate(other);
        f.clock.advance(java.time.Duration.ofSeconds(1));
        f.assertRejected(f.tokens.token().time("iat", -60).time("exp", -10).signWith(TestKeys.RSA_1),
                "token expired");
        f.assertRejected(token, "token expired"); // the first token, now past exp + skew by the test clock alone
    }

    @Test
    void futureIatIsRejected() throws Exception {
        f.assertRejected(f.tokens.token().time("iat", 3600).time("exp", 7200).signWith(TestKeys.RSA_1),
                "token issued in the future");
        f.validate(f.tokens.token().time("iat", 9).signWith(TestKeys.RSA_1)); // within the skew
    }

    @Test
    void nbfInTheFutureIsRejected() throws Exception {
        f.assertRejected(f.tokens.token().time("nbf", 3600).time("exp", 7200).signWith(TestKeys.RSA_1),
                "token not yet valid (nbf)");
        f.validate(f.tokens.token().time("nbf", -5).signWith(TestKeys.RSA_1));
    }

    @Test
    void expAndIatAreRequired() {
        f.assertRejected(f.tokens.token().without("exp").signWith(TestKeys.RSA_1), "required claim missing: exp");
        f.assertRejected(f.tokens.token().without("iat").signWith(TestKeys.RSA_1), "required claim missing: iat");
    }

    @Test
    void expBeforeIatIsRejected() {
        // exp within the skew, so that only the order of the claims is wrong
        f.assertRejected(f.tokens.token().time("iat", 0).time("exp", -1).signWith(TestKeys.RSA_1),
                "token expires before it was issued (exp before iat)");
        // exp before nbf: never valid (not yet valid, or already expired)
        f.assertRejected(f.tokens.token().time("nbf", 600).time("exp", 300).signWith(TestKeys.RSA_1),
                "token not yet valid (nbf)");
        f.clock.advance(java.time.Duration.ofSeconds(700));
        f.assertRejected(f.tokens.token().time("nbf", -100).time("exp", -200).time("iat", -300)
                .signWith(TestKeys.RSA_1), "token expired");
    }

    @Test
    void malformedTimeClaimIsRejected() {
        f.assertRejected(f.tokens.token().claim("exp", "tomorrow").signWith(TestKeys.RSA_1), "malformed claim");
    }

    @Test
    void critHeaderIsRejected() {
        f.assertRejected(f.tokens.token().critical("exp", 1).signWith(TestKeys.RSA_1), "crit header not supported");
        f.assertRejected(f.tokens.token().critical("https://example.test/ext", true).signWith(TestKeys.RSA_1),
                "crit header not supported");
        f.assertRejected(f.tokens.token().header("crit", List.of()).signWith(TestKeys.RSA_1),
                "crit header not supported");
    }

    @Test
    void unencodedPayloadHeaderIsRejected() {
        String token = f.tokens.token().signWith(TestKeys.RSA_1);
        f.assertRejected(TestTokens.withHeader(token, "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"b64\":false}"),
                "b64 header not supported");
    }

    @Test
    void jweIsRejected() throws Exception {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setPayload(f.tokens.token().signWith(TestKeys.RSA_1));
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.RSA_OAEP_256);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_128_GCM);
        jwe.setKey(TestKeys.RSA_1.getPublicKey());
        jwe.setKeyIdHeaderValue("rsa-1");
        jwe.setContentTypeHeaderValue("JWT");
        String token = jwe.getCompactSerialization();
        assertEquals(5, token.split("\\.", -1).length);
        f.assertRejected(token, "encrypted tokens (JWE) are not accepted");
        assertEquals(0, f.fetcher.fetches());
    }

    @Test
    void oversizedTokenIsRejectedBeforeParsing() {
        String token = f.tokens.token().claim("padding", "x".repeat(16 * 1024)).signWith(TestKeys.RSA_1);
        f.assertRejected(token, "token too large");
        f.assertRejected("a".repeat(20_000), "token too large");
        assertEquals(0, f.fetcher.fetches());
    }

    @Test
    void tokenOfExactly16KiBIsStillParsed() {
        String token = "e30." + "a".repeat(CompactJws.MAX_LENGTH - 6) + ".a";
        assertEquals(CompactJws.MAX_LENGTH, token.length());
        f.assertRejected(token, "malformed token"); // reaches the parser, not the size rule
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b", "a.b.c.d", "a.b.c.d.e.f", "...", "eyJhbGciOiJSUzI1NiJ9..",
            "not base64!.eyJ9.sig", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln=",
            "bm90IGpzb24.e30.c2ln", "WyJhIl0.e30.c2ln", "eyJhbGciOjF9.e30.c2ln", "eyJhbGciOiJSUzI1NiIsImtpZCI6MX0.e30.c2ln",
            "eyJhbGciOiJSUzI1NiIsImFsZyI6IkhTMjU2In0.e30.c2ln"})
    void malformedTokensAreRejected(String token) {
        f.assertRejected(token, "malformed token");
    }

    @Test
    void emptyAndNullTokensAreRejected() {
        f.assertRejected("", "malformed token");
        TokenRejectedException e = assertThrows(TokenRejectedException.class,
                () -> f.validator.validate(null, ValidatorFixture.rules()));
        ValidatorFixture.assertMessage(e, "malformed token", null);
    }

    @Test
    void payloadThatIsNotAJsonObjectIsRejected() {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload("[1,2,3]");
        jws.setAlgorithmHeaderValue("RS256");
        jws.setKeyIdHeaderValue("rsa-1");
        jws.setKey(TestKeys.RSA_1.getPrivateKey());
        String array = assertDoesNotThrowCompact(jws);
        f.assertRejected(array, "malformed token");
    }

    @Test
    void missingIssuerOrAudienceIsAProgrammingError() {
        java.time.Duration skew = ValidatorFixture.SKEW;
        assertThrows(NullPointerException.class,
                () -> new AccessTokenRules(null, TestTokens.AUDIENCE, skew, java.util.List.of(), java.util.List.of()));
        assertThrows(NullPointerException.class,
                () -> new AccessTokenRules(TestTokens.ISSUER, null, skew, java.util.List.of(), java.util.List.of()));
        // a blank expected issuer or audience matches no token (SignwardClient refuses a blank audience itself)
        String token = f.tokens.token().signWith(TestKeys.RSA_1);
        ValidatorFixture.assertMessage(assertThrows(TokenRejectedException.class, () -> f.validator.validate(token,
                new AccessTokenRules(" ", TestTokens.AUDIENCE, skew, java.util.List.of(), java.util.List.of()))),
                "issuer mismatch", token);
        ValidatorFixture.assertMessage(assertThrows(TokenRejectedException.class, () -> f.validator.validate(token,
                new AccessTokenRules(TestTokens.ISSUER, " ", skew, java.util.List.of(), java.util.List.of()))),
                "audience mismatch", token);
    }

    private static String assertDoesNotThrowCompact(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
