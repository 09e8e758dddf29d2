package com.signward.idserver;

import com.signward.idserver.token.ValidationSettings;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Immutable configuration of a {@link SignwardClient}. Create it with {@link #builder()}; every
 * accessor has the name of its builder method.
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

    private SignwardOptions(Builder b) {
        this.authority = Urls.baseUrl("authority", b.authority, true);
        this.clientId = OptionChecks.required("clientId", b.clientId);
        this.clientSecret = b.clientSecret == null || b.clientSecret.isBlank() ? null : b.clientSecret;
        this.scopes = OptionChecks.scopes(b.scopes);
        this.audience = OptionChecks.required("audience", b.audience);
        this.issuer = b.issuer == null || b.issuer.isBlank() ? null : b.issuer.strip();
        this.timeout = OptionChecks.positive("timeout", b.timeout);
        this.verifySsl = b.verifySsl;
        this.webBaseUrl = b.webBaseUrl == null || b.webBaseUrl.isBlank()
                ? null : Urls.baseUrl("webBaseUrl", b.webBaseUrl, false);
        this.clockSkew = OptionChecks.atMost("clockSkew", OptionChecks.notNegative("clockSkew", b.clockSkew),
                ValidationSettings.MAX_CLOCK_SKEW);
        this.allowSymmetricKeys = b.allowSymmetricKeys;
        this.allowedAlgorithms = OptionChecks.algorithms(b.allowedAlgorithms, b.allowSymmetricKeys,
                ValidationSettings.ASYMMETRIC_ALGORITHMS, ValidationSettings.SYMMETRIC_ALGORITHMS);
        this.jwksMinRefreshInterval = OptionChecks.notNegative("jwksMinRefreshInterval", b.jwksMinRefreshInterval);
        this.jwksMaxStale = OptionChecks.notNegative("jwksMaxStale", b.jwksMaxStale);
        this.rolesClaim = OptionChecks.required("rolesClaim", b.rolesClaim);
        this.customRolesClaim = OptionChecks.required("customRolesClaim", b.customRolesClaim);
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

    /** Never prints the client secret. */
    @Override
    public String toString() {
        return "SignwardOptions[authority=" + authority + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "none" : "***") + ", scopes=" + scopes
                + ", audience=" + audience + ", issuer=" + issuer + ", timeout=" + timeout
                + ", verifySsl=" + verifySsl + ", webBaseUrl=" + webBaseUrl + ", clockSkew=" + clockSkew
                + ", allowSymmetricKeys=" + allowSymmetricKeys + ", allowedAlgorithms=" + allowedAlgorithms
                + ", jwksMinRefreshInterval=" + jwksMinRefreshInterval + ", jwksMaxStale=" + jwksMaxStale
                + ", rolesClaim=" + rolesClaim + ", customRolesClaim=" + customRolesClaim + "]";
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
         * @param rolesClaim the claim holding built-in roles (default {@code roles})
         * @return this builder
         */
        public Builder rolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
            return this;
        }

        /**
         * @param customRolesClaim the claim holding custom roles (default {@code custom_roles})
         * @return this builder
         */
        public Builder customRolesClaim(String customRolesClaim) {
            this.customRolesClaim = customRolesClaim;
            return this;
        }

        /**
         * @return the validated options
         * @throws IllegalArgumentException naming the option that is missing or invalid
         */
        public SignwardOptions build() {
            return new SignwardOptions(this);
        }
    }
}
