package com.signward.idserver.jakarta.internal;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.List;

/**
 * Reads the RFC 6750 §2.1 {@code Authorization: Bearer} header. Tokens in the query string or a form body
 * (§2.2, §2.3) are never read.
 */
final class BearerHeader {

    private static final String SCHEME = "bearer";

    enum Kind { ABSENT, MALFORMED, PRESENT }

    private final Kind kind;
    private final String token;

    private BearerHeader(Kind kind, String token) {
        this.kind = kind;
        this.token = token;
    }

    static BearerHeader of(HttpServletRequest request) {
        return parse(Collections.list(request.getHeaders("Authorization")));
    }

    /** Reads the values of every {@code Authorization} header of a request. */
    static BearerHeader parse(List<String> values) {
        List<String> bearer = values.stream().filter(BearerHeader::isBearer).toList();
        if (bearer.isEmpty()) {
            return new BearerHeader(Kind.ABSENT, null);
        }
        if (bearer.size() > 1) {
            return new BearerHeader(Kind.MALFORMED, null);
        }
        String token = bearer.get(0).substring(SCHEME.length()).trim();
        return isB64Token(token)
                ? new BearerHeader(Kind.PRESENT, token)
                : new BearerHeader(Kind.MALFORMED, null);
    }

    /** RFC 6750 b64token: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}; a loop, not a regex (hot path). */
    static boolean isB64Token(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBearer(String value) {
        return value.length() >= SCHEME.length() && value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (value.length() == SCHEME.length() || Character.isWhitespace(value.charAt(SCHEME.length())));
    }

    Kind kind() {
        return kind;
    }

    String token() {
        return token;
    }
}
