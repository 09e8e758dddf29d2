package com.signward.idserver.internal.jwt;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Verifies a JWS signature with the JDK's own providers (RFC 7518 §3): exactly the algorithm already allowed for
 * the selected key, over the exact signing input. {@code Signature} objects are reused per thread.
 */
final class JwsSignature {

    private static final Map<String, String> JCA = Map.ofEntries(
            Map.entry("RS256", "SHA256withRSA"), Map.entry("RS384", "SHA384withRSA"),
            Map.entry("RS512", "SHA512withRSA"),
            Map.entry("ES256", "SHA256withECDSAinP1363Format"), Map.entry("ES384", "SHA384withECDSAinP1363Format"),
            Map.entry("ES512", "SHA512withECDSAinP1363Format"),
            Map.entry("EdDSA", "EdDSA"),
            Map.entry("PS256", "RSASSA-PSS"), Map.entry("PS384", "RSASSA-PSS"), Map.entry("PS512", "RSASSA-PSS"),
            Map.entry("HS256", "HmacSHA256"), Map.entry("HS384", "HmacSHA384"), Map.entry("HS512", "HmacSHA512"));

    /** R || S lengths of the ECDSA algorithms (RFC 7518 §3.4). */
    private static final Map<String, Integer> ECDSA_LENGTH = Map.of("ES256", 64, "ES384", 96, "ES512", 132);

    private static final ThreadLocal<Map<String, Signature>> SIGNATURES = ThreadLocal.withInitial(HashMap::new);

    private JwsSignature() {
    }

    /** @param signingInput the bytes whose first {@code length} are signed (the token's header and payload part) */
    static boolean verify(String alg, Key key, byte[] signingInput, int length, byte[] signature) {
        try {
            if (alg.startsWith("HS")) {
                Mac mac = Mac.getInstance(JCA.get(alg));
                mac.init((SecretKey) key);
                mac.update(signingInput, 0, length);
                return MessageDigest.isEqual(mac.doFinal(), signature);
            }
            Integer ecdsaLength = ECDSA_LENGTH.get(alg);
            if (ecdsaLength != null && (signature.length != ecdsaLength || zeroHalf(signature))) {
                return false;
            }
            Signature verifier = signature(alg);
            verifier.initVerify((PublicKey) key);
            verifier.update(signingInput, 0, length);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            return false; // a signature that does not even decode is as invalid as a wrong one
        }
    }

    private static Signature signature(String alg) throws GeneralSecurityException {
        if (alg.startsWith("PS")) { // parameters are set per call: PS* is rare
            Signature pss = Signature.getInstance("RSASSA-PSS");
            int bits = Integer.parseInt(alg.substring(2));
            String hash = "SHA-" + bits;
            MGF1ParameterSpec mgf = bits == 256 ? MGF1ParameterSpec.SHA256
                    : bits == 384 ? MGF1ParameterSpec.SHA384 : MGF1ParameterSpec.SHA512;
            pss.setParameter(new PSSParameterSpec(hash, "MGF1", mgf, bits / 8, 1));
            return pss;
        }
        Map<String, Signature> cached = SIGNATURES.get();
        Signature signature = cached.get(alg);
        if (signature == null) {
            signature = Signature.getInstance(JCA.get(alg));
            cached.put(alg, signature);
        }
        return signature;
    }

    /** An ECDSA signature whose r or s is zero is invalid whatever the provider says (CVE-2022-21449). */
    private static boolean zeroHalf(byte[] signature) {
        int half = signature.length / 2;
        return allZero(signature, 0, half) || allZero(signature, half, signature.length);
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        int acc = 0;
        for (int i = from; i < to; i++) {
            acc |= bytes[i];
        }
        return acc == 0;
    }
}
