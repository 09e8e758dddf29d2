package com.signward.idserver.token;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the one key that may verify a token: by {@code kid} (re-fetching the JWKS once for an unknown one), among
 * the keys that fit the algorithm. Without a {@code kid} the token is accepted only when exactly one key fits.
 */
final class KeySelector {

    private KeySelector() {
    }

    static SigningKey select(JwksKeySource source, String kid, String alg, boolean allowSymmetricKeys)
            throws TokenRejectedException {
        KeySet keys = source.keys();
        if (kid == null) {
            List<SigningKey> fitting = fitting(keys.all(), alg, allowSymmetricKeys);
            if (fitting.size() == 1) {
                return fitting.get(0);
            }
            throw Rejections.reject(fitting.isEmpty()
                    ? "no key fits algorithm " + alg
                    : "token has no key id (kid) and several keys fit algorithm " + alg);
        }
        List<SigningKey> named = keys.withKid(kid);
        if (named.isEmpty()) {
            named = source.keysAfterUnknownKid(keys).withKid(kid);
            if (named.isEmpty()) {
                throw Rejections.reject(Rejections.UNKNOWN_KID);
            }
        }
        List<SigningKey> fitting = fitting(named, alg, allowSymmetricKeys);
        if (fitting.size() == 1) {
            return fitting.get(0);
        }
        throw Rejections.reject(fitting.isEmpty()
                ? "key does not fit algorithm " + alg + " (key type, curve or alg differ)"
                : "ambiguous key id (kid): several keys fit algorithm " + alg);
    }

    private static List<SigningKey> fitting(List<SigningKey> keys, String alg, boolean allowSymmetricKeys) {
        List<SigningKey> fitting = new ArrayList<>(1);
        for (SigningKey key : keys) {
            if (AlgorithmPolicy.fits(key, alg, allowSymmetricKeys)) {
                fitting.add(key);
            }
        }
        return fitting;
    }
}
