package com.signward.idserver.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides whether a {@code returnTo} value may be redirected to after login: only a path within the
 * application (relative to its context path), with an optional query. Everything that a browser, a proxy or
 * a later decoding step could turn into another origin is refused: {@code //host}, {@code /\host},
 * absolute URLs, backslashes, control characters, whitespace, non-ASCII, fragments, dot segments, and the
 * percent-encoded forms of all of these (decoded repeatedly, e.g. {@code /%2F%2Fhost}, {@code /%252F/host}).
 */
final class ReturnTarget {

    static final int MAX_LENGTH = 2048;
    private static final int MAX_DECODING_ROUNDS = 4;
    /** RFC 3986 pchar/query characters, plus '%' (checked separately) and '/', '?'; no '#', no '\'. */
    private static final String ALLOWED_PUNCTUATION = "-._~!$&'()*+,;=:@/?%";

    private ReturnTarget() {
    }

    /**
     * @param candidate the requested target, e.g. {@code /orders?id=7}
     * @return the same value when it is safe, else empty
     */
    static Optional<String> parse(String candidate) {
        return isSafe(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    static boolean isSafe(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return false;
        }
        if (candidate.charAt(0) != '/' || candidate.length() > 1 && candidate.charAt(1) == '/') {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            boolean ok = c < 0x80 && (Character.isLetterOrDigit(c) || ALLOWED_PUNCTUATION.indexOf(c) >= 0);
            if (!ok) {
                return false;
            }
        }
        int q = candidate.indexOf('?');
        String path = q < 0 ? candidate : candidate.substring(0, q);
        String query = q < 0 ? "" : candidate.substring(q + 1);
        return safePath(path) && safeQuery(query) && relativeReference(candidate);
    }

    /** The path and each of its decodings: no other origin, no backslash, no control character, no dot segment. */
    private static boolean safePath(String path) {
        return safeAtEveryDecoding(path,
                p -> pathShapeOk(p) && pathShapeOk(Normalizer.normalize(p, Normalizer.Form.NFKC)));
    }

    private static boolean pathShapeOk(String path) {
        return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
                && path.indexOf('\\') < 0 && !hasControl(path) && !hasDotSegment(path);
    }

    private static boolean safeQuery(String query) {
        return safeAtEveryDecoding(query, q -> !hasControl(q.replace(' ', '_')));
    }

    /**
     * Percent-decodes {@code value} until it stops changing, checking {@code safe} at every round; a value still
     * changing after several rounds, or one that does not decode, is refused rather than guessed at.
     */
    private static boolean safeAtEveryDecoding(String value, Predicate<String> safe) {
        String current = value;
        for (int round = 0; round <= MAX_DECODING_ROUNDS; round++) {
            if (!safe.test(current)) {
                return false;
            }
            String decoded = decode(current);
            if (decoded == null) {
                return false;
            }
            if (decoded.equals(current)) {
                return true;
            }
            current = decoded;
        }
        return false;
    }

    private static boolean relativeReference(String candidate) {
        try {
            URI uri = new URI(candidate);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawFragment() == null
                    && uri.getRawPath() != null && uri.getRawPath().startsWith("/");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F || Character.isISOControl(c) || Character.isWhitespace(c)
                    || Character.getType(c) == Character.FORMAT) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDotSegment(String path) {
        for (String segment : path.split("/", -1)) {
            String bare = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
            if (bare.equals(".") || bare.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Percent-decodes (UTF-8, '+' kept as is); {@code null} when malformed or not valid UTF-8. */
    private static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    return null;
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
