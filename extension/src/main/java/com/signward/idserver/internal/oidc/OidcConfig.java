package com.signward.idserver.internal.oidc;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The checked configuration of one client, as {@code SignwardOptions} builds it (which holds every default and
 * bound); nothing here has a default of its own.
 */
public record OidcConfig(String authority, String clientId, String clientSecret, List<String> scopes, String audience,
                         String issuer, Duration timeout, boolean verifySsl, Duration clockSkew,
                         Set<String> allowedAlgorithms, boolean allowSymmetricKeys, Duration jwksMinRefreshInterval,
                         Duration jwksMaxStale, List<String> accessTokenTypes, List<String> allowedClients,
                         int tokenCacheSize) {

    public OidcConfig {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(clientId, "clientId");
        scopes = List.copyOf(scopes);
        allowedAlgorithms = Set.copyOf(allowedAlgorithms);
        accessTokenTypes = List.copyOf(accessTokenTypes);
        allowedClients = List.copyOf(allowedClients);
    }

    /** @return the issuer tokens must name before discovery is loaded: the configured one, else the authority */
    public String expectedIssuer() {
        return issuer != null ? issuer : authority;
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "OidcConfig[authority=" + authority + ", clientId=" + clientId + "]";
    }
}
