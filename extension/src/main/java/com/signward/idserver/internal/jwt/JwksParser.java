package com.signward.idserver.internal.jwt;

import java.lang.System.Logger.Level;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.keys.HmacKey;

/**
 * Turns a JWKS document into the keys fit for signature verification (jose4j does the JWK decoding).
 * Skipped: keys with {@code use: enc} or {@code key_ops} without {@code verify}, RSA keys under 2048 bits,
 * EC keys on curves other than P-256/384/521, OKP keys other than Ed25519/Ed448, {@code oct} keys under 256 bits,
 * unknown key types and keys that do not decode. Skips are logged at DEBUG with the {@code kid} only.
 */
final class JwksParser {
    static final int MIN_RSA_BITS = 2048;
    static final int MIN_HMAC_BYTES = 32;
    static final int MAX_DOCUMENT_CHARS = 1 << 20;
    private static final Set<String> EC_CURVES = Set.of("P-256", "P-384", "P-521");
    private static final Set<String> EDDSA_CURVES = Set.of("Ed25519", "Ed448");
    private static final System.Logger LOG = System.getLogger(JwksParser.class.getName());

    /** The document is not a JWKS. The message never contains the document (it may hold secret keys). */
    static final class InvalidJwksException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidJwksException(String message) {
            super(message, null, false, false);
        }
    }

    private JwksParser() {
    }

    static KeySet parse(String document) throws InvalidJwksException {
        if (document.length() > MAX_DOCUMENT_CHARS) {
            throw new InvalidJwksException("JWKS document too large");
        }
        Map<String, Object> json;
        try {
            json = JsonUtil.parseJson(document);
        } catch (Exception e) { // jose4j's message may quote the document: do not keep it
            throw new InvalidJwksException("JWKS document is not a JSON object");
        }
        if (!(json.get("keys") instanceof List<?> entries)) {
            throw new InvalidJwksException("JWKS document has no keys array");
        }
        List<SigningKey> keys = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                SigningKey key = toSigningKey((Map<String, Object>) map);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return new KeySet(keys);
    }

    private static SigningKey toSigningKey(Map<String, Object> params) {
        String kid = params.get("kid") instanceof String s ? s : null;
        if ("enc".equals(params.get("use"))) {
            return skip(kid, "use is enc");
        }
        if (params.get("key_ops") instanceof List<?> ops && !ops.contains("verify")) {
            return skip(kid, "key_ops lacks verify");
        }
        JsonWebKey jwk;
        try {
            jwk = JsonWebKey.Factory.newJwk(params);
        } catch (Exception e) { // unknown kty or bad parameters
            return skip(kid, "unsupported or invalid key");
        }
        String alg = jwk.getAlgorithm();
        if (jwk instanceof RsaJsonWebKey rsa) {
            RSAPublicKey publicKey = rsa.getRsaPublicKey();
            if (publicKey.getModulus().bitLength() < MIN_RSA_BITS) {
                return skip(kid, "RSA key under " + MIN_RSA_BITS + " bits");
            }
            return new SigningKey(kid, "RSA", null, alg, publicKey);
        }
        if (jwk instanceof EllipticCurveJsonWebKey ec) {
            String curve = ec.getCurveName();
            if (!EC_CURVES.contains(curve)) {
                return skip(kid, "unsupported EC curve");
            }
            return new SigningKey(kid, "EC", curve, alg, ec.getECPublicKey());
        }
        if (jwk instanceof OctetKeyPairJsonWebKey okp) {
            String curve = okp.getSubtype();
            if (!EDDSA_CURVES.contains(curve)) {
                return skip(kid, "OKP key is not an EdDSA key");
            }
            return new SigningKey(kid, "OKP", curve, alg, okp.getPublicKey());
        }
        if (jwk instanceof OctetSequenceJsonWebKey oct) {
            byte[] secret = oct.getOctetSequence();
            if (secret.length < MIN_HMAC_BYTES) {
                return skip(kid, "oct key under 256 bits");
            }
            return new SigningKey(kid, "oct", null, alg, new HmacKey(secret));
        }
        return skip(kid, "unsupported key type");
    }

    private static SigningKey skip(String kid, String reason) {
        LOG.log(Level.DEBUG, () -> "JWKS key skipped (" + reason + "), kid=" + Rejections.printable(kid));
        return null;
    }
}
