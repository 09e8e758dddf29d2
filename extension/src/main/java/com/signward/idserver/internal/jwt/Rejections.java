package com.signward.idserver.internal.jwt;

/** The rejection messages: each names the rule. None ever contains the token, a claim value or a key. */
public final class Rejections {
    public static final String MALFORMED = "malformed token";
    public static final String TOO_LARGE = "token too large (over 16 KiB)";
    public static final String JWE = "encrypted tokens (JWE) are not accepted";
    public static final String CRIT = "crit header not supported";
    public static final String ALG_NONE = "algorithm not allowed: none";
    public static final String KEYS_UNAVAILABLE = "signing keys unavailable";
    public static final String UNKNOWN_KID = "unknown key id (kid)";
    public static final String SIGNATURE_INVALID = "signature invalid";
    public static final String EXPIRED = "token expired";
    public static final String NOT_YET_VALID = "token not yet valid (nbf)";
    public static final String FUTURE_IAT = "token issued in the future";
    public static final String ISSUER = "issuer mismatch";
    public static final String AUDIENCE = "audience mismatch";
    public static final String TYPE = "token type not accepted";
    public static final String CLIENT = "client not allowed (azp / client_id)";

    private Rejections() {
    }

    static TokenRejectedException reject(String message) {
        return new TokenRejectedException(message);
    }

    /**
     * The rule of a rejection message without its variable part (claim names, algorithms), for metric labels: the
     * text before a colon, and "… algorithm" without the algorithm named. The set of results is small and fixed.
     */
    public static String rule(String message) {
        if (message == null || message.isEmpty()) {
            return "other";
        }
        String rule = message;
        int colon = rule.indexOf(':');
        if (colon > 0) {
            rule = rule.substring(0, colon);
        }
        int algorithm = rule.indexOf(" algorithm ");
        if (algorithm > 0) {
            rule = rule.substring(0, algorithm + " algorithm".length());
        }
        return rule;
    }

    static String missingClaim(String name) {
        return "required claim missing: " + name;
    }

    static String malformedClaim(String name) {
        return "malformed claim: " + name;
    }

    /** A header value fit to appear in a message (short, plain characters), or {@code "?"}. */
    static String printable(String headerValue) {
        if (headerValue == null || headerValue.isEmpty() || headerValue.length() > 20) {
            return "?";
        }
        for (int i = 0; i < headerValue.length(); i++) {
            char c = headerValue.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "+_.-".indexOf(c) >= 0)) {
                return "?";
            }
        }
        return headerValue;
    }
}
