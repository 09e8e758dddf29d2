package com.signward.idserver.token;

import java.util.List;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.Headers;
import org.jose4j.lang.JoseException;

/**
 * The JOSE header of a compact JWS, read with jose4j WITHOUT verifying anything, and the still unverified payload.
 *
 * @param alg     the {@code alg} header
 * @param kid     the {@code kid} header, or null
 * @param payload the payload text; trustworthy only once the signature is verified
 */
record JwsHeader(String alg, String kid, String payload) {

    /** Headers that point to or embed keys. Keys come only from the configured JWKS, so these are refused. */
    static final List<String> KEY_HEADERS = List.of("jku", "x5u", "jwk", "x5c");

    /**
     * @param token a compact JWS (three parts), already checked for size and characters
     * @throws TokenRejectedException when the header cannot be read, uses {@code crit} or {@code b64}, or carries a
     *                                key header
     */
    static JwsHeader read(String token) throws TokenRejectedException {
        JsonWebSignature jws = new JsonWebSignature();
        try {
            jws.setCompactSerialization(token);
        } catch (JoseException | RuntimeException e) { // its message may quote the token
            throw Rejections.reject(Rejections.MALFORMED);
        }
        Headers headers = jws.getHeaders();
        if (headers.getObjectHeaderValue("crit") != null) {
            throw Rejections.reject(Rejections.CRIT);
        }
        if (headers.getObjectHeaderValue("b64") != null) { // RFC 7797 unencoded payloads: an extension we refuse
            throw Rejections.reject("b64 header not supported");
        }
        for (String name : KEY_HEADERS) {
            if (headers.getObjectHeaderValue(name) != null) {
                throw Rejections.reject(name + " header not accepted (keys come only from the JWKS)");
            }
        }
        Object alg = headers.getObjectHeaderValue("alg");
        Object kid = headers.getObjectHeaderValue("kid");
        if (!(alg instanceof String) || kid != null && !(kid instanceof String)) {
            throw Rejections.reject(Rejections.MALFORMED + ": alg or kid header is not a string");
        }
        String payload;
        try {
            payload = jws.getUnverifiedPayload();
        } catch (RuntimeException e) {
            throw Rejections.reject(Rejections.MALFORMED);
        }
        return new JwsHeader((String) alg, (String) kid, payload);
    }

    /** Never prints the payload. */
    @Override
    public String toString() {
        return "JwsHeader[alg=" + Rejections.printable(alg) + ", kid=" + Rejections.printable(kid) + "]";
    }
}
