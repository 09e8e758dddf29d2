package com.signward.idserver.token;

import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;

/**
 * Validates JWS access tokens (and ID tokens) locally against a {@link JwksKeySource}. Thread-safe; share one
 * instance. Rules, in order; the first that fails rejects the token with a {@link TokenRejectedException} whose
 * message names it:
 * <ol>
 *   <li>At most 16 KiB, only base64url characters and dots, three parts: five parts is a JWE ("encrypted tokens
 *       (JWE) are not accepted"), anything else "malformed token". Nothing is parsed before this.</li>
 *   <li>A token validated before for the same issuer and audience is answered from a bounded cache keyed by a
 *       SHA-256 hash of the token, without redoing the signature check, until {@code exp} + skew has passed
 *       ("token expired"). The cache does not notice a key removed from the JWKS meanwhile.</li>
 *   <li>The JOSE header, read with jose4j without verifying: {@code crit} is rejected (no extension is understood);
 *       {@code jku}, {@code x5u}, {@code jwk} and {@code x5c} are rejected rather than ignored: keys come only from
 *       the configured JWKS, and a token that points to or embeds a key is a key-injection attempt or a
 *       misconfiguration, best reported as such (RFC 8725 §3.10 allows either).</li>
 *   <li>The algorithm: never {@code none}; it must be in {@link ValidationSettings#allowedAlgorithms()}, and HMAC
 *       needs {@link ValidationSettings#allowSymmetricKeys()}.</li>
 *   <li>The key: by {@code kid} (an unknown one re-fetches the JWKS once, rate-limited); without {@code kid} only
 *       when exactly one key fits. The algorithm must fit the key's type (RSA: RS/PS, EC: ES with the matching
 *       curve, OKP: EdDSA, oct: HS) and the key's {@code alg} when present: the header alone never decides.</li>
 *   <li>Signature, then {@code iss}, {@code aud}, {@code exp}, {@code iat}, {@code nbf}, verified by smallrye-jwt,
 *       then checked again against {@link ValidationSettings#clock()}, which also rejects an {@code iat} in the
 *       future beyond the skew.</li>
 * </ol>
 */
public final class TokenValidator {
    /** Longest token accepted, in characters (16 KiB). */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final JwksKeySource keys;
    private final ValidationSettings settings;
    private final SignatureVerifier verifier;
    private final VerifiedTokenCache cache = new VerifiedTokenCache(VerifiedTokenCache.DEFAULT_CAPACITY);
    private final JsonReaderFactory json = Json.createReaderFactory(Map.of());

    /**
     * @param keys     where signing keys come from
     * @param settings algorithms, clock skew and clock
     */
    public TokenValidator(JwksKeySource keys, ValidationSettings settings) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.verifier = new SignatureVerifier(settings.clockSkew());
    }

    /**
     * Validates signature and claims.
     *
     * @param token            the compact JWS
     * @param expectedIssuer   exact {@code iss}
     * @param expectedAudience a value {@code aud} must contain
     * @return the verified claims (the JWT payload)
     * @throws TokenRejectedException   naming the rule that failed
     * @throws IllegalArgumentException when the expected issuer or audience is null or blank
     */
    public JsonObject validate(String token, String expectedIssuer, String expectedAudience)
            throws TokenRejectedException {
        return validate(token, expectedIssuer, expectedAudience, Function.identity());
    }

    /**
     * Validates signature and claims and maps the claims; a token seen again within its lifetime is answered from
     * the cache with the mapping made the first time (when the same {@code mapper} instance is passed), without
     * redoing any check but expiry.
     *
     * @param mapper turns the verified claims into the caller's value; must be a pure function (keep one instance)
     * @return the mapped claims
     * @throws TokenRejectedException   naming the rule that failed
     * @throws IllegalArgumentException when the expected issuer or audience is null or blank
     */
    public <T> T validate(String token, String expectedIssuer, String expectedAudience,
                          Function<JsonObject, T> mapper) throws TokenRejectedException {
        requireText(expectedIssuer, "expectedIssuer");
        requireText(expectedAudience, "expectedAudience");
        checkLength(token);
        Instant now = settings.clock().instant();
        // a cached token passed every check below, and no other string hashes to its key
        VerifiedTokenCache.Key cacheKey = VerifiedTokenCache.key(token, expectedIssuer, expectedAudience);
        T cached = cache.get(cacheKey, now, mapper);
        if (cached != null) {
            return cached;
        }
        checkShape(token);
        JwsHeader header = JwsHeader.read(token);
        AlgorithmPolicy.checkAllowed(header.alg(), settings);
        SigningKey key = KeySelector.select(keys, header.kid(), header.alg(), settings.allowSymmetricKeys());
        verifier.verify(token, key, header.alg(), expectedIssuer, expectedAudience);
        JsonObject claims = parse(header.payload());
        now = settings.clock().instant();
        Instant expiresAt = ClaimChecks.check(claims, expectedIssuer, expectedAudience, now, settings.clockSkew());
        return cache.put(cacheKey, claims, expiresAt, now, mapper);
    }

    private static void checkLength(String token) throws TokenRejectedException {
        if (token == null || token.isEmpty()) {
            throw Rejections.reject(Rejections.MALFORMED + ": empty");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw Rejections.reject(Rejections.TOO_LARGE);
        }
    }

    /** Alphabet and number of parts, before anything is parsed. */
    private static void checkShape(String token) throws TokenRejectedException {
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!isBase64Url(c)) {
                throw Rejections.reject(Rejections.MALFORMED + ": not a compact JWS");
            }
        }
        if (dots == 4) {
            throw Rejections.reject(Rejections.JWE);
        }
        if (dots != 2) {
            throw Rejections.reject(Rejections.MALFORMED + ": not a compact JWS");
        }
    }

    private static boolean isBase64Url(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    /** The verified payload as JSON-P; jose4j has already parsed the same text (and refused duplicate names). */
    private JsonObject parse(String payload) throws TokenRejectedException {
        try (JsonReader reader = json.createReader(new StringReader(payload))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw Rejections.reject(Rejections.MALFORMED + ": payload is not a JSON object");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
