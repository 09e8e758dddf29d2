package com.signward.idserver.internal.jwt;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies a compact JWS in one pass: parse once, check the algorithm against the policy, resolve the one key that
 * fits it, verify the signature over the exact signing input, then run the claim rules of the token's kind against
 * the injected clock. The caller chooses the kind (the rules); the header never does. Thread-safe.
 */
public final class JwtVerifier {

    private final KeyResolver keys;
    private final AlgorithmPolicy algorithms;
    private final Clock clock;

    public JwtVerifier(KeyResolver keys, AlgorithmPolicy algorithms, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.algorithms = Objects.requireNonNull(algorithms, "algorithms");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws TokenRejectedException   naming the rule that failed
     * @throws KeysUnavailableException when no signing key can be served
     */
    public VerifiedJwt verify(String token, ClaimRules rules) throws TokenRejectedException, KeysUnavailableException {
        CompactJws jws = CompactJws.parse(token);
        algorithms.checkAllowed(jws.alg());
        SigningKey key = keys.resolve(jws, algorithms);
        if (!JwsSignature.verify(jws.alg(), key.key(), jws.ascii(), jws.signedLength(), jws.signature())) {
            throw Rejections.reject(Rejections.SIGNATURE_INVALID);
        }
        Map<String, Object> claims = ClaimValues.plainMap(jws.payload());
        return new VerifiedJwt(claims, rules.check(jws, claims, clock.instant()));
    }

    /** The clock the rules are checked against. */
    public Clock clock() {
        return clock;
    }
}
