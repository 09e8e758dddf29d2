package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Accepted algorithms, and the rule that the algorithm must fit the selected key (type, curve, alg). */
class AlgorithmAndKeyTest {
    private static final EllipticCurveJsonWebKey EC_256 = TestKeys.ec("ec-256", "P-256");
    private static final EllipticCurveJsonWebKey EC_384 = TestKeys.ec("ec-384", "P-384");
    private static final EllipticCurveJsonWebKey EC_521 = TestKeys.ec("ec-521", "P-521");
    private static final OctetKeyPairJsonWebKey ED = TestKeys.ed25519("ed-1");
    private static final OctetSequenceJsonWebKey HMAC = TestKeys.oct("hmac-1", 512);

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"})
    void rsaAlgorithmsAreAccepted(String alg) throws Exception {
        assertAccepted(TestKeys.RSA_1, alg);
    }

    @Test
    void ecdsaAlgorithmsAreAcceptedWithTheirCurve() throws Exception {
        assertAccepted(EC_256, "ES256");
        assertAccepted(EC_384, "ES384");
        assertAccepted(EC_521, "ES512");
    }

    @Test
    void eddsaIsAccepted() throws Exception {
        assertAccepted(ED, "EdDSA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void hmacIsAcceptedOnlyWhenSymmetricKeysAreAllowed(String alg) throws Exception {
        ValidatorFixture on = new ValidatorFixture(true, TestKeys.RSA_1, HMAC);
        on.validate(on.tokens.token().alg(alg).signWith(HMAC));

        ValidatorFixture off = new ValidatorFixture(false, TestKeys.RSA_1, HMAC);
        off.assertRejected(off.tokens.token().alg(alg).signWith(HMAC),
                "algorithm not allowed: " + alg + " (symmetric keys are disabled)");
        assertEquals(0, off.fetcher.fetches());
    }

    @Test
    void hmacNeedsTheAllowListToo() {
        ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1, HMAC);
        AccessTokenValidator<?> validator = f.withPolicy(new AlgorithmPolicy(Set.of("RS256", "HS512"), true));
        String token = f.tokens.token().alg("HS256").signWith(HMAC);
        ValidatorFixture.assertMessage(org.junit.jupiter.api.Assertions.assertThrows(TokenRejectedException.class,
                () -> validator.validate(token, ValidatorFixture.rules())),
                "algorithm not allowed: HS256", token);
    }

    @Test
    void shortHmacKeysAreSkipped() {
        OctetSequenceJsonWebKey weak = TestKeys.oct("weak", 128);
        ValidatorFixture f = new ValidatorFixture(true, TestKeys.RSA_1, weak);
        f.assertRejected(f.tokens.token().alg("HS256").signWith(weak), "unknown key id");
    }

    @Test
    void hmacKeyMustBeAsLongAsTheHash() throws Exception {
        OctetSequenceJsonWebKey key256 = TestKeys.oct("hmac-256", 256);
        ValidatorFixture f = new ValidatorFixture(true, key256);
        f.validate(f.tokens.token().alg("HS256").signWith(key256));
        f.assertRejected(f.tokens.token().alg("HS512").signWith(key256), "key does not fit algorithm HS512");
    }

    @Test
    void algorithmOutsideTheAllowListIsRejected() {
        ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1);
        AccessTokenValidator<?> rs256Only = f.withPolicy(new AlgorithmPolicy(Set.of("RS256"), false));
        String token = f.tokens.token().alg("PS256").signWith(TestKeys.RSA_1);
        ValidatorFixture.assertMessage(org.junit.jupiter.api.Assertions.assertThrows(TokenRejectedException.class,
                () -> rs256Only.validate(token, ValidatorFixture.rules())),
                "algorithm not allowed: PS256", token);
    }

    @Test
    void algorithmMustFitTheKeyType() {
        ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1, EC_256, ED);
        // the header names an EC algorithm for an RSA kid, and the other way round
        f.assertRejected(f.tokens.token().kid("rsa-1").alg("ES256").signWith(EC_256),
                "key does not fit algorithm ES256");
        f.assertRejected(f.tokens.token().kid("ec-256").alg("RS256").signWith(TestKeys.RSA_1),
                "key does not fit algorithm RS256");
        f.assertRejected(f.tokens.token().kid("ed-1").alg("ES256").signWith(EC_256),
                "key does not fit algorithm ES256");
    }

    @Test
    void ecdsaAlgorithmMustMatchTheCurve() {
        ValidatorFixture f = new ValidatorFixture(EC_256, EC_384);
        f.assertRejected(f.tokens.token().kid("ec-384").alg("ES256").signWith(EC_256),
                "key does not fit algorithm ES256");
        f.assertRejected(f.tokens.token().kid("ec-256").alg("ES384").signWith(EC_384),
                "key does not fit algorithm ES384");
    }

    @Test
    void keyWhoseAlgDiffersFromTheTokenIsSkipped() throws Exception {
        PublicJsonWebKey rs384Key = TestKeys.copy(TestKeys.RSA_1, "rsa-384", null, "RS384");
        ValidatorFixture f = new ValidatorFixture(rs384Key);
        f.assertRejected(f.tokens.token().alg("RS256").signWith(rs384Key), "key does not fit algorithm RS256");
        f.validate(f.tokens.token().alg("RS384").signWith(rs384Key));
        // without kid, the key is not counted as a fit either
        f.assertRejected(f.tokens.token().noKid().alg("RS256").signWith(rs384Key), "no key fits algorithm RS256");
    }

    @Test
    void encryptionKeysAreSkipped() throws Exception {
        PublicJsonWebKey encKey = TestKeys.copy(TestKeys.RSA_2, "rsa-enc", "enc", null);
        ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1, encKey);
        f.assertRejected(f.tokens.token().signWith(encKey), "unknown key id");
        // and it does not count as a second candidate for a token without kid
        f.validate(f.tokens.token().noKid().signWith(TestKeys.RSA_1));
    }

    @Test
    void keyOpsWithoutVerifyAreSkipped() {
        PublicJsonWebKey wrapOnly = TestKeys.copy(TestKeys.RSA_2, "rsa-wrap", null, null);
        wrapOnly.setKeyOps(java.util.List.of("wrapKey"));
        ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1, wrapOnly);
        f.assertRejected(f.tokens.token().signWith(wrapOnly), "unknown key id");
    }

    @Test
    void rsaKeysUnder2048BitsAreSkipped() {
        RsaJsonWebKey weak = TestKeys.rsa("rsa-1024", 1024);
        ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1, weak);
        f.assertRejected(f.tokens.token().signWith(weak), "unknown key id");
    }

    @Test
    void absentKidIsAcceptedWithExactlyOneFittingKey() throws Exception {
        ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1, EC_256);
        f.validate(f.tokens.token().noKid().signWith(TestKeys.RSA_1));
        f.validate(f.tokens.token().noKid().signWith(EC_256));
        f.assertRejected(f.tokens.token().noKid().alg("ES384").signWith(EC_384), "no key fits algorithm ES384");
        // the one fitting key is tried, and a signature by another key fails
        f.assertRejected(f.tokens.token().noKid().alg("ES256").signWith(TestKeys.ec("other", "P-256")),
                "signature invalid");
    }

    @Test
    void unsupportedKeyTypesAreSkipped() throws Exception {
        String jwks = "{\"keys\":[{\"kty\":\"XYZ\",\"kid\":\"odd\"},{\"kty\":\"OKP\",\"crv\":\"X25519\",\"kid\":\"x\","
                + "\"x\":\"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo\"},{\"kty\":\"RSA\",\"kid\":\"broken\",\"n\":\"AQAB\"},"
                + CountingFetcher.jwks(java.util.List.of(TestKeys.RSA_1)).replaceFirst("^\\{\"keys\":\\[", "");
        ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1);
        f.fetcher.serveBody(jwks);
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1));
        f.validate(f.tokens.token().noKid().signWith(TestKeys.RSA_1));
    }

    @Test
    void duplicateKidThatFitsTwiceIsRejected() {
        JsonWebKey twin = TestKeys.copy(TestKeys.RSA_2, "rsa-1", null, null);
        ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1, twin);
        f.assertRejected(f.tokens.token().signWith(TestKeys.RSA_1), "ambiguous key id");
    }

    private static void assertAccepted(JsonWebKey key, String alg) throws Exception {
        ValidatorFixture f = new ValidatorFixture(key);
        String token = f.tokens.token().alg(alg).claim("name", "Ada").signWith(key);
        assertEquals("Ada", f.validate(token).get("name"));
    }
}
