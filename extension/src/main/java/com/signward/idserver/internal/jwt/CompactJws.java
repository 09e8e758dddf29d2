package com.signward.idserver.internal.jwt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A compact JWS, parsed once and NOT verified: header and payload decoded (JDK base64url) and read as JSON objects
 * (JSON-P streaming parser into plain values, duplicate member names refused), the exact signing input and the
 * signature bytes. Nothing is decoded
 * before the size and the alphabet have been checked. Header rules applied here, whatever the token's kind:
 * {@code crit} and {@code b64} are refused (no extension is understood); {@code jku}, {@code x5u}, {@code jwk},
 * {@code x5c} are refused rather than ignored: keys come only from the configured sources (RFC 8725 §3.10).
 */
public final class CompactJws {
    /** Longest token accepted, in characters (16 KiB). */
    public static final int MAX_LENGTH = 16 * 1024;
    /** Headers that point to or embed keys. */
    static final List<String> KEY_HEADERS = List.of("jku", "x5u", "jwk", "x5c");

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final String alg;
    private final String kid;
    private final String typ;
    private final Map<String, Object> payload;
    /** The whole token in ASCII: its first {@code signedLength} bytes are the signing input. */
    private final byte[] ascii;
    private final int signedLength;
    private final byte[] signature;

    private CompactJws(String alg, String kid, String typ, Map<String, Object> payload, byte[] ascii,
                       int signedLength, byte[] signature) {
        this.alg = alg;
        this.kid = kid;
        this.typ = typ;
        this.payload = payload;
        this.ascii = ascii;
        this.signedLength = signedLength;
        this.signature = signature;
    }

    /**
     * @param token the compact serialization
     * @throws TokenRejectedException naming the rule the token's form breaks
     */
    public static CompactJws parse(String token) throws TokenRejectedException {
        checkLength(token);
        int first = -1;
        int second = -1;
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                dots++;
                if (first < 0) {
                    first = i;
                } else if (second < 0) {
                    second = i;
                }
            } else if (!isBase64Url(c)) {
                throw Rejections.reject(Rejections.MALFORMED + ": not a compact JWS");
            }
        }
        if (dots == 4) {
            throw Rejections.reject(Rejections.JWE);
        }
        // an empty signature part is the unsecured form (alg none): parsed, so that the algorithm rule names it
        if (dots != 2 || first == 0 || second == first + 1) {
            throw Rejections.reject(Rejections.MALFORMED + ": not a compact JWS");
        }
        byte[] ascii = token.getBytes(StandardCharsets.US_ASCII); // only base64url characters and dots: one byte each
        Map<String, Object> header = JsonClaims.parse(decode(ascii, 0, first), "header");
        Map<String, Object> payload = JsonClaims.parse(decode(ascii, first + 1, second), "payload");
        byte[] signature = decode(ascii, second + 1, ascii.length);
        checkHeader(header);
        String alg = string(header, "alg");
        if (alg == null || alg.isEmpty()) {
            throw Rejections.reject(Rejections.MALFORMED + ": no alg header");
        }
        return new CompactJws(alg, string(header, "kid"), string(header, "typ"), payload, ascii, second, signature);
    }

    /**
     * Whether a token has the compact JWS form (three dot-separated parts), without decoding it: what decides
     * between local validation and introspection. A JWE (five parts) or an opaque token is not.
     */
    public static boolean isCompactForm(String token) {
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.' && ++dots > 2) {
                return false;
            }
        }
        return dots == 2;
    }

    static void checkLength(String token) throws TokenRejectedException {
        if (token == null || token.isEmpty()) {
            throw Rejections.reject(Rejections.MALFORMED + ": empty");
        }
        if (token.length() > MAX_LENGTH) {
            throw Rejections.reject(Rejections.TOO_LARGE);
        }
    }

    private static void checkHeader(Map<String, Object> header) throws TokenRejectedException {
        if (header.containsKey("crit")) {
            throw Rejections.reject(Rejections.CRIT);
        }
        if (header.containsKey("b64")) { // RFC 7797 unencoded payloads: an extension we refuse
            throw Rejections.reject("b64 header not supported");
        }
        for (String name : KEY_HEADERS) {
            if (header.containsKey(name)) {
                throw Rejections.reject(name + " header not accepted (keys come only from the JWKS)");
            }
        }
    }

    /** A header member that must be a string when present. */
    private static String string(Map<String, Object> header, String name) throws TokenRejectedException {
        Object value = header.get(name);
        if (value == null && !header.containsKey(name)) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw Rejections.reject(Rejections.MALFORMED + ": " + name + " header is not a string");
        }
        return s;
    }

    private static byte[] decode(byte[] ascii, int from, int to) throws TokenRejectedException {
        try {
            return BASE64URL.decode(Arrays.copyOfRange(ascii, from, to));
        } catch (IllegalArgumentException e) {
            throw Rejections.reject(Rejections.MALFORMED + ": bad base64url");
        }
    }

    private static boolean isBase64Url(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    /** @return the {@code alg} header (never null; not yet checked against any policy) */
    public String alg() {
        return alg;
    }

    /** @return the {@code kid} header, or null */
    public String kid() {
        return kid;
    }

    /** @return the {@code typ} header, or null */
    public String typ() {
        return typ;
    }

    /**
     * The {@code exp} of a token, read without verifying it: only for scheduling (when the browser login refreshes
     * an access token it received straight from the token endpoint). Never a basis for trust.
     *
     * @return the expiry in epoch seconds, or {@code null} when the token is not a JWT or has no numeric {@code exp}
     */
    public static Long unverifiedExpiry(String token) {
        try {
            return parse(token).payload().get("exp") instanceof Number exp ? exp.longValue() : null;
        } catch (TokenRejectedException | RuntimeException notAJwt) {
            return null;
        }
    }

    /**
     * The {@code iss} claim, NOT verified: only to choose which configuration verifies the token (that one then
     * checks the issuer, the signature and every other rule). Never a basis for trust.
     *
     * @return the {@code iss} string, or {@code null} when absent or not a string
     */
    public String unverifiedIssuer() {
        return ClaimValues.string(payload, "iss");
    }

    /** @return the payload as plain values; trustworthy only once the signature is verified */
    Map<String, Object> payload() {
        return payload;
    }

    /** The token's bytes; the signing input is the first {@link #signedLength()} of them. */
    byte[] ascii() {
        return ascii;
    }

    int signedLength() {
        return signedLength;
    }

    byte[] signature() {
        return signature;
    }

    /** Never prints the payload or the signature. */
    @Override
    public String toString() {
        return "CompactJws[alg=" + Rejections.printable(alg) + ", kid=" + Rejections.printable(kid) + "]";
    }
}
