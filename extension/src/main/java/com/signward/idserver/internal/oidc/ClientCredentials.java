package com.signward.idserver.internal.oidc;

import java.util.List;
import java.util.Objects;

/**
 * The application's own access token (client credentials grant, RFC 6749 §4.4), fetched with the core's client
 * authentication, cached and fetched again before it expires; concurrent callers share one request
 * ({@link CachedTokens}). Thread-safe.
 */
public final class ClientCredentials {

    private final OidcCore core;
    private final List<String> scopes;
    private final CachedTokens cache;

    /** @param scopes the scopes to ask for; empty: none (Signward's default for the client) */
    public ClientCredentials(OidcCore core, List<String> scopes) {
        this.core = Objects.requireNonNull(core, "core");
        this.scopes = List.copyOf(scopes);
        this.cache = new CachedTokens(1, core.clock());
    }

    /**
     * @return a valid access token of this client
     * @throws ProviderException when Signward refuses or cannot be reached
     */
    public String token() {
        return cache.get("client", () -> core.clientCredentials(scopes));
    }
}
