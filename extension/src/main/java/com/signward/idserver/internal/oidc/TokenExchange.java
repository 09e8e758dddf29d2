package com.signward.idserver.internal.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * RFC 8693 token exchange of callers' access tokens for tokens of one audience. Results are cached by the
 * SHA-256 of the subject token (the token itself is not kept as a key) until shortly before they expire, bounded
 * in number; concurrent exchanges of one token share one request ({@link CachedTokens}). Thread-safe.
 */
public final class TokenExchange {

    private final OidcCore core;
    private final String audience;
    private final List<String> scopes;
    private final CachedTokens cache;

    /**
     * @param audience   the {@code audience} asked for
     * @param scopes     the scopes asked for; empty: none
     * @param maxEntries how many exchanged tokens are kept at most
     */
    public TokenExchange(OidcCore core, String audience, List<String> scopes, int maxEntries) {
        this.core = Objects.requireNonNull(core, "core");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.scopes = List.copyOf(scopes);
        this.cache = new CachedTokens(maxEntries, core.clock());
    }

    /**
     * @param subjectToken the caller's access token
     * @return an access token for the audience
     * @throws ProviderException when Signward refuses or cannot be reached
     */
    public String exchange(String subjectToken) {
        return cache.get(hash(subjectToken), () -> core.exchangeToken(subjectToken, audience, scopes));
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
