package com.signward.idserver.internal.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of an access token (RFC 9068, RFC 8725 §3.11): {@code typ} {@code at+jwt}, {@code application/at+jwt}
 * or {@code JWT} (case-insensitive) or none, unless a list of types is configured (then {@code typ} is required and
 * must be in it); never a token with an {@code events} claim (logout and security-event tokens); {@code iss} exact;
 * {@code aud} contains the audience; {@code exp} and {@code iat} required; {@code nbf}; and, when allowed clients are
 * configured, {@code azp} (or {@code client_id}) among them. Immutable; equal rules accept the same tokens, which is
 * what the verified-token cache keys on.
 */
public final class AccessTokenRules implements ClaimRules {

    private static final Set<String> DEFAULT_TYPES = Set.of("application/at+jwt", "application/jwt");

    private final String issuer;
    private final String audience;
    private final Duration skew;
    private final Set<String> types;
    private final Set<String> allowedClients;
    private final int hash;

    /**
     * @param types          accepted {@code typ} values; empty: the defaults, and a token without {@code typ}
     * @param allowedClients accepted {@code azp} / {@code client_id}; empty: any
     */
    public AccessTokenRules(String issuer, String audience, Duration skew, List<String> types,
                            List<String> allowedClients) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.skew = Objects.requireNonNull(skew, "skew");
        Set<String> normalized = new LinkedHashSet<>();
        types.forEach(t -> normalized.add(TimeRules.mediaType(t)));
        this.types = Set.copyOf(normalized);
        this.allowedClients = Set.copyOf(allowedClients);
        this.hash = Objects.hash(issuer, audience, skew, this.types, this.allowedClients);
    }

    /** @return rules for another audience, the rest unchanged */
    public AccessTokenRules withAudience(String otherAudience) {
        return otherAudience.equals(audience) ? this
                : new AccessTokenRules(issuer, otherAudience, skew, List.copyOf(types), List.copyOf(allowedClients));
    }

    public String issuer() {
        return issuer;
    }

    @Override
    public Instant check(CompactJws jws, Map<String, Object> claims, Instant now) throws TokenRejectedException {
        checkType(jws.typ());
        if (claims.containsKey("events")) {
            throw Rejections.reject(Rejections.TYPE + " (an events claim: not an access token)");
        }
        TimeRules.issuer(claims, issuer);
        TimeRules.audience(claims, audience);
        Instant expiresAt = TimeRules.times(claims, now, skew, true, true);
        checkClient(claims);
        return expiresAt;
    }

    /**
     * The same rules for an RFC 7662 introspection response that says {@code active: true}, where they apply to its
     * members: never a token of another {@code token_type} ({@code refresh_token}) or with {@code events};
     * {@code iss} exact and {@code aud} containing the audience when the response carries them; {@code exp},
     * {@code iat}, {@code nbf} checked when present; the allowed clients ({@code client_id}, else {@code azp}).
     *
     * @return exp + skew, or {@code null} when the response has no {@code exp}
     */
    public Instant checkIntrospected(Map<String, Object> response, Instant now) throws TokenRejectedException {
        String tokenType = ClaimValues.string(response, "token_type");
        if (tokenType != null && tokenType.toLowerCase(java.util.Locale.ROOT).contains("refresh")
                || response.containsKey("events")) {
            throw Rejections.reject(Rejections.TYPE);
        }
        if (response.containsKey("iss")) {
            TimeRules.issuer(response, issuer);
        }
        if (response.containsKey("aud")) {
            TimeRules.audience(response, audience);
        }
        Instant expiresAt = TimeRules.times(response, now, skew, false, false);
        checkClient(response);
        return expiresAt;
    }

    private void checkClient(Map<String, Object> claims) throws TokenRejectedException {
        if (!allowedClients.isEmpty()) {
            String client = ClaimValues.string(claims, "azp");
            if (client == null) {
                client = ClaimValues.string(claims, "client_id");
            }
            if (client == null || !allowedClients.contains(client)) {
                throw Rejections.reject(Rejections.CLIENT);
            }
        }
    }

    private void checkType(String typ) throws TokenRejectedException {
        if (typ == null) {
            if (!types.isEmpty()) {
                throw Rejections.reject(Rejections.TYPE + " (typ required)");
            }
            return;
        }
        Set<String> accepted = types.isEmpty() ? DEFAULT_TYPES : types;
        if (!accepted.contains(TimeRules.mediaType(typ))) {
            throw Rejections.reject(Rejections.TYPE);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessTokenRules r && hash == r.hash && issuer.equals(r.issuer)
                && audience.equals(r.audience) && skew.equals(r.skew) && types.equals(r.types)
                && allowedClients.equals(r.allowedClients);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "AccessTokenRules[iss=" + issuer + ", aud=" + audience + ", types=" + types + ", clients="
                + allowedClients + "]";
    }
}
