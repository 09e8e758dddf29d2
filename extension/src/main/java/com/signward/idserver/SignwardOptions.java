package com.signward.idserver;

import com.signward.idserver.internal.jwt.AccessTokenValidator;
import com.signward.idserver.internal.jwt.AlgorithmPolicy;
import com.signward.idserver.internal.jwt.IntrospectionCache;
import com.signward.idserver.internal.oidc.OidcConfig;
import com.signward.idserver.internal.oidc.Urls;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Immutable configuration of a {@link SignwardClient}. Create it with {@link #builder()}; every
 * accessor has the name of its builder method. This class holds every default and bound of the client: the Jakarta
 * integration sets only what the application configured and leaves the rest to the builder.
 *
 * <pre>{@code
 * SignwardOptions options = SignwardOptions.builder()
 *         .authority("https://mytenant.signward.com")
 *         .clientId("my-api")
 *         .build();
 * }</pre>
 */
public final class SignwardOptions {

    private final String authority;
    private final String clientId;
    private final String clientSecret;
    private final List<String> scopes;
    private final String audience;
    private final String issuer;
    private final Duration timeout;
    private final boolean verifySsl;
    private final String webBaseUrl;
    private final Duration clockSkew;
    private final boolean allowSymmetricKeys;
    private final Set<String> allowedAlgorithms;
    private final Duration jwksMinRefreshInterval;
    private final Duration jwksMaxStale;
    private final String rolesClaim;
    private final String customRolesClaim;
    private final RoleMapping roleMapping;
    private final List<String> accessTokenTypes;
    private final List<String> allowedClients;
    private final int tokenCacheSize;
    private final String tenantName;

    /** The {@link #tenantName()} of a configuration that has no name. */
    public static final String DEFAULT_TENANT = "default";
    private static final java.util.regex.Pattern TENANT_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final Duration introspectionCacheTtl;

    /** Largest accepted clock skew. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);
    /** Largest accepted verified-token cache. */
    static final int MAX_TOKEN_CACHE_SIZE = 1_000_000;

    private SignwardOptions(Builder b) {
        this.authority = baseUrl("authority", b.authority, true);
        this.clientId = required("clientId", b.clientId);
        this.clientSecret = b.clientSecret == null || b.clientSecret.isBlank() ? null : b.clientSecret;
        this.scopes = scopes(b.scopes);
        this.audience = required("audience", b.audience);
        this.issuer = b.issuer == null || b.issuer.isBlank() ? null : b.issuer.strip();
        this.timeout = positive("timeout", b.timeout);
        this.verifySsl = b.verifySsl;
        this.webBaseUrl = b.webBaseUrl == null || b.webBaseUrl.isBlank()
                ? null : baseUrl("webBaseUrl", b.webBaseUrl, false);
        this.clockSkew = notNegative("clockSkew", b.clockSkew);
        if (clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new InvalidOptionException("clockSkew", "must not exceed " + MAX_CLOCK_SKEW);
        }
        this.allowSymmetricKeys = b.allowSymmetricKeys;
        this.allowedAlgorithms = algorithms(b.allowedAlgorithms, b.allowSymmetricKeys);
        this.jwksMinRefreshInterval = notNegative("jwksMinRefreshInterval", b.jwksMinRefreshInterval);
        this.jwksMaxStale = notNegative("jwksMaxStale", b.jwksMaxStale);
        this.rolesClaim = required("rolesClaim", b.rolesClaim);
        this.customRolesClaim = required("customRolesClaim", b.customRolesClaim);
        this.roleMapping = b.roleMapping == null ? RoleMapping.none() : b.roleMapping;
        this.accessTokenTypes = tokens("accessTokenTypes", b.accessTokenTypes);
        this.allowedClients = tokens("allowedClients", b.allowedClients);
        if (b.tokenCacheSize < 0 || b.tokenCacheSize > MAX_TOKEN_CACHE_SIZE) {
            throw new InvalidOptionException("tokenCacheSize", "must be between 0 and " + MAX_TOKEN_CACHE_SIZE);
        }
        this.tokenCacheSize = b.tokenCacheSize;
        if (b.tenantName == null || !TENANT_NAME.matcher(b.tenantName).matches()) {
            throw new InvalidOptionException("tenantName", "must be 1 to 64 of A-Z, a-z, 0-9, _ and -");
        }
        this.tenantName = b.tenantName;
        this.introspectionCacheTtl = notNegative("introspectionCacheTtl", b.introspectionCacheTtl);
    }

    /** The checked values for the internal layers. */
    OidcConfig config() {
        return new OidcConfig(authority, clientId, clientSecret, scopes, audience, issuer, timeout, verifySsl,
                clockSkew, allowedAlgorithms, allowSymmetricKeys, jwksMinRefreshInterval, jwksMaxStale,
                accessTokenTypes, allowedClients, tokenCacheSize);
    }

    /** @return a builder with every default set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the Signward base URL, without a trailing slash */
    public String authority() {
        return authority;
    }

    /** @return the OAuth client id */
    public String clientId() {
        return clientId;
    }

    /** @return the client secret, or {@code null} for a public client */
    public String clientSecret() {
        return clientSecret;
    }

    /** @return the scopes requested by default (unmodifiable; default {@code openid profile email}) */
    public List<String> scopes() {
        return scopes;
    }

    /** @return the audience access tokens must carry (default {@code idserver-api}) */
    public String audience() {
        return audience;
    }

    /** @return the expected issuer, or {@code null} to expect the authority (the discovery document must agree) */
    public String issuer() {
        return issuer;
    }

    /** @return the timeout of each HTTP request and of connecting (default 10 s) */
    public Duration timeout() {
        return timeout;
    }

    /** @return whether TLS certificates are verified (default {@code true}) */
    public boolean verifySsl() {
        return verifySsl;
    }

    /** @return the base URL of Signward's web pages, or {@code null} to use the authority */
    public String webBaseUrl() {
        return webBaseUrl;
    }

    /** @return the leeway applied to {@code exp}, {@code nbf} and {@code iat} (default 10 s, at most 1 day) */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** @return whether HS256/384/512 tokens signed with {@code kty: oct} keys of the JWKS are accepted (default false) */
    public boolean allowSymmetricKeys() {
        return allowSymmetricKeys;
    }

    /**
     * @return the JWS algorithms accepted (unmodifiable). Unless set explicitly: RS256/384/512, PS256/384/512,
     *         ES256/384/512 and EdDSA, plus HS256/384/512 when {@link #allowSymmetricKeys()} is on
     */
    public Set<String> allowedAlgorithms() {
        return allowedAlgorithms;
    }

    /** @return the least time between two JWKS fetches caused by an unknown {@code kid} (default 30 s) */
    public Duration jwksMinRefreshInterval() {
        return jwksMinRefreshInterval;
    }

    /** @return how long the last good JWKS keeps working while the JWKS endpoint fails (default 24 h) */
    public Duration jwksMaxStale() {
        return jwksMaxStale;
    }

    /** @return the claim holding built-in roles (default {@code roles}) */
    public String rolesClaim() {
        return rolesClaim;
    }

    /** @return the claim holding per-tenant custom roles (default {@code custom_roles}) */
    public String customRolesClaim() {
        return customRolesClaim;
    }

    /** @return how roles become the user's checked roles and groups (default {@link RoleMapping#none()}) */
    public RoleMapping roleMapping() {
        return roleMapping;
    }

    /**
     * @return the accepted {@code typ} headers of access tokens; empty (the default) accepts {@code at+jwt},
     *         {@code application/at+jwt}, {@code JWT} and no {@code typ}; when set, {@code typ} is required
     */
    public List<String> accessTokenTypes() {
        return accessTokenTypes;
    }

    /** @return the clients ({@code azp} or {@code client_id}) whose access tokens are accepted; empty (default): any */
    public List<String> allowedClients() {
        return allowedClients;
    }

    /** @return how many validated access tokens are cached (default 10,000; 0: no cache) */
    public int tokenCacheSize() {
        return tokenCacheSize;
    }

    /**
     * @return the name of the configuration these options are (default {@value #DEFAULT_TENANT}); the users this
     *         client builds carry it as {@link SignwardUser#tenantName()}
     */
    public String tenantName() {
        return tenantName;
    }

    /** @return how long an introspection result is trusted, at most until the token's {@code exp} (default 5 min) */
    public Duration introspectionCacheTtl() {
        return introspectionCacheTtl;
    }

    private static String required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidOptionException(option, "is required");
        }
        return value.strip();
    }

    private static String baseUrl(String option, String value, boolean httpsUnlessLoopback) {
        if (value == null || value.isBlank()) {
            throw new InvalidOptionException(option, "is required");
        }
        try {
            return Urls.baseUrl(option, value, httpsUnlessLoopback);
        } catch (IllegalArgumentException e) { // Urls names the option first
            throw new InvalidOptionException(option, e.getMessage().substring(option.length() + 1));
        }
    }

    private static Duration positive(String option, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidOptionException(option, "must be a positive duration");
        }
        return value;
    }

    private static Duration notNegative(String option, Duration value) {
        if (value == null || value.isNegative()) {
            throw new InvalidOptionException(option, "must be zero or a positive duration");
        }
        return value;
    }

    private static List<String> scopes(List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidOptionException("scopes", "must not be empty");
        }
        scopes.forEach(SignwardOptions::checkScope);
        return List.copyOf(scopes);
    }

    /** One scope token (RFC 6749 §3.3). */
    static void checkScope(String scope) {
        if (scope == null || scope.isBlank() || scope.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\\')) {
            throw new InvalidOptionException("scopes", ": '" + scope + "' is not a valid scope token");
        }
    }

    private static List<String> tokens(String option, List<String> values) {
        if (values == null) {
            return List.of();
        }
        for (String value : values) {
            if (value == null || value.isBlank() || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new InvalidOptionException(option, ": '" + value + "' is not a valid value");
            }
        }
        return List.copyOf(values);
    }

    private static Set<String> algorithms(Set<String> configured, boolean allowSymmetric) {
        Set<String> result = new LinkedHashSet<>();
        if (configured == null) {
            result.addAll(AlgorithmPolicy.ASYMMETRIC);
            if (allowSymmetric) {
                result.addAll(AlgorithmPolicy.SYMMETRIC);
            }
            return Collections.unmodifiableSet(result);
        }
        for (String alg : configured) {
            if (alg == null || !(AlgorithmPolicy.ASYMMETRIC.contains(alg) || AlgorithmPolicy.SYMMETRIC.contains(alg))) {
                throw new InvalidOptionException("allowedAlgorithms", ": unsupported algorithm '" + alg + "'");
            }
            result.add(alg);
        }
        if (result.isEmpty()) {
            throw new InvalidOptionException("allowedAlgorithms", "must not be empty");
        }
        return Collections.unmodifiableSet(result);
    }

    /** Never prints the client secret. */
    @Override
    public String toString() {
        return "SignwardOptions[authority=" + authority + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "none" : "***") + ", scopes=" + scopes
                + ", audience=" + audience + ", issuer=" + issuer + ", timeout=" + timeout
                + ", verifySsl=" + verifySsl + ", webBaseUrl=" + webBaseUrl + ", clockSkew=" + clockSkew
                + ", allowSymmetricKeys=" + allowSymmetricKeys + ", allowedAlgorithms=" + allowedAlgorithms
                + ", jwksMinRefreshInterval=" + jwksMinRefreshInterval + ", jwksMaxStale=" + jwksMaxStale
                + ", rolesClaim=" + rolesClaim + ", customRolesClaim=" + customRolesClaim + ", roleMapping=" + roleMapping
                + ", accessTokenTypes=" + accessTokenTypes + ", allowedClients=" + allowedClients
                + ", tokenCacheSize=" + tokenCacheSize + ", introspectionCacheTtl=" + introspectionCacheTtl
                + ", tenantName=" + tenantName + "]";
    }

    /**
     * Builder of {@link SignwardOptions}. Not thread-safe. {@link #build()} validates and throws an
     * {@link IllegalArgumentException} naming the offending option.
     */
    public static final class Builder {
        private String authority;
        private String clientId;
        private String clientSecret;
        private List<String> scopes = List.of("openid", "profile", "email");
        private String audience = "idserver-api";
        private String issuer;
        private Duration timeout = Duration.ofSeconds(10);
        private boolean verifySsl = true;
        private String webBaseUrl;
        private Duration clockSkew = Duration.ofSeconds(10);
        private boolean allowSymmetricKeys;
        private Set<String> allowedAlgorithms;
        private Duration jwksMinRefreshInterval = Duration.ofSeconds(30);
        private Duration jwksMaxStale = Duration.ofHours(24);
        private String rolesClaim = "roles";
        private String customRolesClaim = "custom_roles";
        private RoleMapping roleMapping = RoleMapping.none();
        private List<String> accessTokenTypes = List.of();
        private List<String> allowedClients = List.of();
        private int tokenCacheSize = AccessTokenValidator.DEFAULT_CACHE_SIZE;
        private String tenantName = DEFAULT_TENANT;
        private Duration introspectionCacheTtl = IntrospectionCache.DEFAULT_TTL;

        private Builder() {
        }

        /**
         * @param authority the Signward base URL, e.g. {@code https://mytenant.signward.com} (required;
         *                  {@code http} only for loopback hosts: localhost, 127.0.0.0/8, ::1)
         * @return this builder
         */
        public Builder authority(String authority) {
            this.authority = authority;
            return this;
        }

        /**
         * @param clientId the OAuth client id (required)
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * @param clientSecret the client secret; {@code null} or blank for a public client
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * @param scopes scopes requested by default (default {@code openid profile email})
         * @return this builder
         */
        public Builder scopes(List<String> scopes) {
            this.scopes = scopes;
            return this;
        }

        /**
         * @param audience the audience access tokens must carry (default {@code idserver-api})
         * @return this builder
         */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /**
         * @param issuer the expected issuer; {@code null} (default) expects the authority
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /**
         * @param timeout timeout of each HTTP request and of connecting (default 10 s)
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * @param verifySsl {@code false} trusts any TLS certificate and host name: for localhost development
         *                  only; the client logs a warning (default {@code true})
         * @return this builder
         */
        public Builder verifySsl(boolean verifySsl) {
            this.verifySsl = verifySsl;
            return this;
        }

        /**
         * @param webBaseUrl base URL of Signward's web pages (default: the authority)
         * @return this builder
         */
        public Builder webBaseUrl(String webBaseUrl) {
            this.webBaseUrl = webBaseUrl;
            return this;
        }

        /**
         * @param clockSkew leeway for {@code exp}, {@code nbf} and {@code iat} (default 10 s)
         * @return this builder
         */
        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
            return this;
        }

        /**
         * Accepts HS256/384/512 access tokens verified with {@code kty: oct} keys published in the JWKS.
         * Off by default: a symmetric key lets whoever holds it mint tokens, and a validator that accepts
         * HMAC is the classic target of key-confusion attacks (an RSA public key used as an HMAC secret).
         * Turn it on only when your Signward tenant really signs access tokens with HS256.
         *
         * @param allowSymmetricKeys whether to accept symmetric keys (default {@code false})
         * @return this builder
         */
        public Builder allowSymmetricKeys(boolean allowSymmetricKeys) {
            this.allowSymmetricKeys = allowSymmetricKeys;
            return this;
        }

        /**
         * Restricts the accepted JWS algorithms. Default: RS256/384/512, PS256/384/512, ES256/384/512 and
         * EdDSA, plus HS256/384/512 when {@link #allowSymmetricKeys(boolean)} is on. HS256/384/512 in this
         * set are only honoured when symmetric keys are allowed; {@code none} is never accepted.
         *
         * @param allowedAlgorithms algorithm names as in the JWS {@code alg} header
         * @return this builder
         */
        public Builder allowedAlgorithms(Set<String> allowedAlgorithms) {
            this.allowedAlgorithms = allowedAlgorithms;
            return this;
        }

        /**
         * @param interval least time between two JWKS fetches caused by an unknown {@code kid} (default 30 s)
         * @return this builder
         */
        public Builder jwksMinRefreshInterval(Duration interval) {
            this.jwksMinRefreshInterval = interval;
            return this;
        }

        /**
         * @param maxStale how long the last good JWKS keeps working during an outage (default 24 h)
         * @return this builder
         */
        public Builder jwksMaxStale(Duration maxStale) {
            this.jwksMaxStale = maxStale;
            return this;
        }

        /**
         * @param roleMapping renames, prefix and custom-role groups applied where users are built (default none)
         * @return this builder
         */
        public Builder roleMapping(RoleMapping roleMapping) {
            this.roleMapping = roleMapping;
            return this;
        }

        /**
         * @param rolesClaim the claim holding built-in roles (default {@code roles}), or a {@code /}-separated path
         *                   through nested objects, e.g. {@code realm_access/roles}
         * @return this builder
         */
        public Builder rolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
            return this;
        }

        /**
         * @param customRolesClaim the claim holding custom roles (default {@code custom_roles}), or a path
         * @return this builder
         */
        public Builder customRolesClaim(String customRolesClaim) {
            this.customRolesClaim = customRolesClaim;
            return this;
        }

        /**
         * Requires explicit typing of access tokens (RFC 8725 §3.11, RFC 9068 §4): {@code typ} must be present and
         * one of these, compared case-insensitively ({@code at+jwt} and {@code application/at+jwt} are the same).
         *
         * @param types e.g. {@code List.of("at+jwt")}; empty (the default) accepts {@code at+jwt}, {@code JWT} or none
         * @return this builder
         */
        public Builder accessTokenTypes(List<String> types) {
            this.accessTokenTypes = types;
            return this;
        }

        /**
         * Accepts access tokens only when their {@code azp} (or {@code client_id}) is one of these clients. The
         * default audience {@code idserver-api} is shared by every client of a tenant (RFC 8725 §3.9).
         *
         * @param clients client ids; empty (the default) accepts any client
         * @return this builder
         */
        public Builder allowedClients(List<String> clients) {
            this.allowedClients = clients;
            return this;
        }

        /**
         * @param size how many validated access tokens are cached until they expire (default 10,000; 0 turns the
         *             cache off)
         * @return this builder
         */
        public Builder tokenCacheSize(int size) {
            this.tokenCacheSize = size;
            return this;
        }

        /**
         * @param tenantName the name of this configuration when an application has several Signward authorities
         *                   (1 to 64 of {@code A-Z a-z 0-9 _ -}; default {@value SignwardOptions#DEFAULT_TENANT}),
         *                   reported by {@link SignwardUser#tenantName()}
         * @return this builder
         */
        public Builder tenantName(String tenantName) {
            this.tenantName = tenantName;
            return this;
        }

        /**
         * @param ttl how long an introspection result is trusted (default 5 min; never beyond the token's
         *            {@code exp}; zero: every request is introspected). Results share the bound of
         *            {@link #tokenCacheSize(int)}.
         * @return this builder
         */
        public Builder introspectionCacheTtl(Duration ttl) {
            this.introspectionCacheTtl = ttl;
            return this;
        }

        /**
         * @return the validated options
         * @throws InvalidOptionException naming the option that is missing or invalid
         */
        public SignwardOptions build() {
            return new SignwardOptions(this);
        }
    }
}
