package com.signward.idserver.jakarta;

/**
 * Every MicroProfile Config key the Jakarta integration reads: the single source of the configuration
 * reference (a test checks the documentation's table against this enum).
 */
public enum ConfigKey {
    AUTHORITY("signward.authority", null, "Signward authority URL, e.g. `https://mytenant.signward.com`. Required; https unless a loopback address."),
    CLIENT_ID("signward.client-id", null, "OAuth client id of this application. Required."),
    CLIENT_SECRET("signward.client-secret", null, "Client secret, for confidential clients."),
    SCOPES("signward.scopes", "openid,profile,email", "Scopes requested at login, comma-separated."),
    AUDIENCE("signward.audience", "idserver-api", "Audience that access tokens must contain (`aud`)."),
    ISSUER("signward.issuer", null, "Expected `iss`; by default the discovery document's issuer, which must equal the authority."),
    TIMEOUT("signward.timeout", "10s", "HTTP timeout for calls to Signward."),
    VERIFY_SSL("signward.verify-ssl", "true", "`false` trusts any TLS certificate: localhost development only (logs a warning)."),
    WEB_BASE_URL("signward.web-base-url", null, "Base URL of Signward's web pages (privacy center); default: the authority."),
    CLOCK_SKEW("signward.clock-skew", "10s", "Leeway for `exp`, `nbf` and `iat`."),
    ROLES_INCLUDE_CUSTOM("signward.roles.include-custom", "true", "Whether custom roles count as groups for `@RolesAllowed`. `@RequiresRoles` has its own `includeCustom` attribute."),
    ROLES_CLAIM("signward.roles.claim", "roles", "Claim holding the built-in roles (string or array)."),
    ROLES_CUSTOM_CLAIM("signward.roles.custom-claim", "custom_roles", "Claim holding the per-tenant custom roles (string or array)."),
    PRINCIPAL_CLAIM("signward.principal.claim", "sub", "Claim used as the caller principal's name."),
    JWT_ALLOWED_ALGORITHMS("signward.jwt.allowed-algorithms", "RS256,RS384,RS512,PS256,PS384,PS512,ES256,ES384,ES512,EdDSA",
            "JWS algorithms accepted (each must still fit the signing key). Unset: this list, plus HS256/384/512 when `signward.jwt.allow-symmetric-keys=true`; HS* listed here also need that key."),
    JWT_ALLOW_SYMMETRIC_KEYS("signward.jwt.allow-symmetric-keys", "false", "Accept HS256/384/512 tokens signed with `kty: oct` keys from the JWKS. Off by default: anyone who can read such a key can forge tokens."),
    JWKS_MIN_REFRESH_INTERVAL("signward.jwks.min-refresh-interval", "30s", "Least time between two JWKS fetches caused by unknown key ids."),
    JWKS_MAX_STALE("signward.jwks.max-stale", "24h", "How long the last good signing keys keep working while the JWKS endpoint is down.");

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The property name, e.g. {@code signward.authority}. */
    public String key() {
        return key;
    }

    /** The default as written in configuration, or {@code null} when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** One sentence for the configuration reference (Markdown). */
    public String description() {
        return description;
    }
}
