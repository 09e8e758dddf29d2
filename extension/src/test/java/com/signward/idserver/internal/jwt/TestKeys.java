package com.signward.idserver.internal.jwt;

import java.security.SecureRandom;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctJwkGenerator;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** Key pairs for tests. RSA generation is slow, so a few keys are shared. */
final class TestKeys {
    static final RsaJsonWebKey RSA_1 = rsa("rsa-1", 2048);
    static final RsaJsonWebKey RSA_2 = rsa("rsa-2", 2048);

    private TestKeys() {
    }

    static RsaJsonWebKey rsa(String kid, int bits) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(bits);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static EllipticCurveJsonWebKey ec(String kid, String curve) {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(switch (curve) {
                case "P-256" -> EllipticCurves.P256;
                case "P-384" -> EllipticCurves.P384;
                case "P-521" -> EllipticCurves.P521;
                default -> throw new IllegalArgumentException(curve);
            });
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static OctetKeyPairJsonWebKey ed25519(String kid) {
        try {
            OctetKeyPairJsonWebKey key = OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static OctetSequenceJsonWebKey oct(String kid, int bits) {
        OctetSequenceJsonWebKey key = OctJwkGenerator.generateJwk(bits);
        key.setKeyId(kid);
        return key;
    }

    /** A copy of a key pair with another kid and/or use and alg (null: unset). */
    static PublicJsonWebKey copy(PublicJsonWebKey key, String kid, String use, String alg) {
        try {
            PublicJsonWebKey copy = PublicJsonWebKey.Factory.newPublicJwk(
                    key.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            copy.setKeyId(kid);
            copy.setUse(use);
            copy.setAlgorithm(alg);
            return copy;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomKid(SecureRandom random) {
        return Long.toHexString(random.nextLong());
    }
}
