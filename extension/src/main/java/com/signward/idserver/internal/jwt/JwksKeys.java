package com.signward.idserver.internal.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keys from the JWKS: by {@code kid} (an unknown one re-fetches the key set, see {@link JwksKeySource}), among the
 * keys that fit the algorithm. Without a {@code kid} a token is accepted only when exactly one key fits.
 */
public final class JwksKeys implements KeyResolver {

    private final JwksKeySource source;

    public JwksKeys(JwksKeySource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public SigningKey resolve(CompactJws jws, AlgorithmPolicy policy)
            throws TokenRejectedException, KeysUnavailableException {
        String alg = jws.alg();
        KeySet keys = source.keys();
        if (jws.kid() == null) {
            List<SigningKey> fitting = fitting(keys.all(), alg, policy);
            if (fitting.size() == 1) {
                return fitting.get(0);
            }
            throw Rejections.reject(fitting.isEmpty()
                    ? "no key fits algorithm " + Rejections.printable(alg)
                    : "token has no key id (kid) and several keys fit algorithm " + Rejections.printable(alg));
        }
        List<SigningKey> named = keys.withKid(jws.kid());
        if (named.isEmpty()) {
            named = source.keysAfterUnknownKid(keys).withKid(jws.kid());
            if (named.isEmpty()) {
                throw Rejections.reject(Rejections.UNKNOWN_KID);
            }
        }
        List<SigningKey> fitting = fitting(named, alg, policy);
        if (fitting.size() == 1) {
            return fitting.get(0);
        }
        throw Rejections.reject(fitting.isEmpty()
                ? "key does not fit algorithm " + Rejections.printable(alg) + " (key type, curve or alg differ)"
                : "ambiguous key id (kid): several keys fit algorithm " + Rejections.printable(alg));
    }

    private static List<SigningKey> fitting(List<SigningKey> keys, String alg, AlgorithmPolicy policy) {
        List<SigningKey> fitting = new ArrayList<>(1);
        for (SigningKey key : keys) {
            if (policy.fits(key, alg)) {
                fitting.add(key);
            }
        }
        return fitting;
    }
}
