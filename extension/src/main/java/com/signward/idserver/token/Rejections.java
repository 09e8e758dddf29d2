package com.signward.idserver.token;

/** The rejection messages: each names the rule. None ever contains the token, a claim value or a key. */
final class Rejections {
    static final String MALFORMED = "malformed token";
    static final String TOO_LARGE = "token too large (over 16 KiB)";
    static final String JWE = "encrypted tokens (JWE) are not accepted";
    static final String CRIT = "crit header not supported";
    static final String ALG_NONE = "algorithm not allowed: none";
    static final String KEYS_UNAVAILABLE = "signing keys unavailable";
    static final String UNKNOWN_KID = "unknown key id (kid)";
    static final String SIGNATURE_INVALID = "signature invalid";
    static final String EXPIRED = "token expired";
    static final String NOT_YET_VALID = "token not yet valid (nbf)";
    static final String FUTURE_IAT = "token issued in the future";
    static final String ISSUER = "issuer mismatch";
    static final String AUDIENCE = "audience mismatch";

    private Rejections() {
    }

    static TokenRejectedException reject(String message) {
        return new TokenRejectedException(message);
    }

    static String missingClaim(String name) {
        return "required claim missing: " + name;
    }

    static String malformedClaim(String name) {
        return "malformed claim: " + name;
    }

    /** A header value fit to appear in a message (short, plain characters), or {@code "?"}. */
    static String printable(String headerValue) {
        return headerValue != null && headerValue.matches("[A-Za-z0-9+_.-]{1,20}") ? headerValue : "?";
    }
}
