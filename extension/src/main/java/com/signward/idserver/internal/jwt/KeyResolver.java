package com.signward.idserver.internal.jwt;

/** Picks the one key that may verify a token, given the algorithm policy of its kind. */
@FunctionalInterface
public interface KeyResolver {

    /**
     * @throws TokenRejectedException   when no key, or more than one, fits
     * @throws KeysUnavailableException when no keys can be served at all
     */
    SigningKey resolve(CompactJws jws, AlgorithmPolicy policy) throws TokenRejectedException, KeysUnavailableException;
}
