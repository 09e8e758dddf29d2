package com.signward.idserver.jakarta.internal;

/**
 * Every MicroProfile Config key the Jakarta integration reads: the single source of the configuration
 * reference (a test checks the documentation's table against this enum).
 */
public enum ConfigKey {
    AUTHORITY("authority", "signward.authority", null, "Signward authority URL, e.g. `https://mytenant.signward.com`. Required; https unless a loopback address."),
    CLIENT_ID("clientId", "signward.client-id", null, "OAuth client id of this application. Required."),
    CLIENT_SECRET("clientSecret", "signward.client-secret", null, "Client secret, for confidential clients."),
    SCOPES("scopes", "signward.scopes", "openid,profile,email", "Scopes requested at login, comma-separated."),
    AUDIENCE("audience", "signward.audience", "idserver-api", "Audience that access tokens must contain (`aud`)."),
    ISSUER("issuer", "signward.issuer", null, "Expected `iss`; by default the discovery document's issuer, which must equal the authority."),
    TIMEOUT("timeout", "signward.timeout", "10s", "HTTP timeout for calls to Signward."),
    VERIFY_SSL("verifySsl", "signward.verify-ssl", "true", "`false` trusts any TLS certificate: localhost development only (logs a warning)."),
    WEB_BASE_URL("webBaseUrl", "signward.web-base-url", null, "Base URL of Signward's web pages (privacy center); default: the authority."),
    CLOCK_SKEW("clockSkew", "signward.clock-skew", "10s", "Leeway for `exp`, `nbf` and `iat`."),
    ROLES_INCLUDE_CUSTOM("includeCustomRoles", "signward.roles.include-custom", "true", "Whether custom roles count as groups for `@RolesAllowed`. `@RequiresRoles` has its own `includeCustom` attribute."),
    ROLES_CLAIM("rolesClaim", "signward.roles.claim", "roles", "Claim holding the built-in roles (string or array), or a `/`-separated path to it, e.g. `realm_access/roles`."),
    ROLES_CUSTOM_CLAIM("customRolesClaim", "signward.custom-roles.claim", "custom_roles", "Claim holding the per-tenant custom roles (string or array), or a path to it."),
    PRINCIPAL_CLAIM("principalClaim", "signward.principal.claim", "sub", "Claim used as the caller principal's name."),
    JWT_ALLOWED_ALGORITHMS("allowedAlgorithms", "signward.jwt.allowed-algorithms", "RS256,RS384,RS512,PS256,PS384,PS512,ES256,ES384,ES512,EdDSA",
            "JWS algorithms accepted (each must still fit the signing key). Unset: this list, plus HS256/384/512 when `signward.jwt.allow-symmetric-keys=true`; HS* listed here also need that key."),
    JWT_ALLOW_SYMMETRIC_KEYS("allowSymmetricKeys", "signward.jwt.allow-symmetric-keys", "false", "Accept HS256/384/512 tokens signed with `kty: oct` keys from the JWKS. Off by default: anyone who can read such a key can forge tokens."),
    JWKS_MIN_REFRESH_INTERVAL("jwksMinRefreshInterval", "signward.jwks.min-refresh-interval", "30s", "Least time between two JWKS fetches caused by unknown key ids."),
    JWKS_MAX_STALE("jwksMaxStale", "signward.jwks.max-stale", "24h", "How long the last good signing keys keep working while the JWKS endpoint is down."),
    TOKEN_TYPES("accessTokenTypes", "signward.token.types", null, "Accepted `typ` headers of access tokens, comma-separated (e.g. `at+jwt`); when set, `typ` is required. Unset: `at+jwt`, `application/at+jwt`, `JWT` or none; other types (`logout+jwt`, `secevent+jwt`, …) and tokens with an `events` claim are always refused."),
    TOKEN_ALLOWED_CLIENTS("allowedClients", "signward.token.allowed-clients", null, "Client ids whose access tokens are accepted (`azp`, else `client_id`), comma-separated. Unset: any client of the tenant."),
    TOKEN_CACHE_SIZE("tokenCacheSize", "signward.token.cache-size", "10000", "Validated access tokens kept until they expire, so a repeated token skips the signature check; 0 turns the cache off."),

    // authorization (roles page)
    ROLES_PREFIX("rolesPrefix", "signward.roles.prefix", null, "Put before every group the container sees (`@RolesAllowed`), e.g. `ROLE_`."),
    ROLES_MAP("roleMap", "signward.roles.map.<from>", null, "Renames a role: `signward.roles.map.owner=admin,owner`; role checks and groups see the new names."),
    TENANTS_ALLOWED("allowedTenants", "signward.tenants.allowed", null, "Tenant ids (UUIDs), comma-separated: callers of other tenants get 403 `insufficient_tenant`."),

    // several authorities (multi-tenant page): signward.tenants.<name>.*, discovered from the property names
    TENANT_AUTHORITY("tenantAuthority", "signward.tenants.<name>.authority", null, "Authority of the named tenant configuration `<name>` (A-Z, a-z, 0-9, `_`, `-`; not `allowed` or `default`). Required for each named tenant; defines it."),
    TENANT_CLIENT_ID("tenantClientId", "signward.tenants.<name>.client-id", null, "OAuth client id of this application at that authority. Required for each named tenant."),
    TENANT_CLIENT_SECRET("tenantClientSecret", "signward.tenants.<name>.client-secret", null, "Client secret at that authority (never inherited from `signward.client-secret`)."),
    TENANT_AUDIENCE("tenantAudience", "signward.tenants.<name>.audience", "idserver-api", "Audience that this tenant's access tokens must contain (not inherited from `signward.audience`)."),
    TENANT_ISSUER("tenantIssuer", "signward.tenants.<name>.issuer", null, "Expected `iss` of this tenant (routing and validation); by default its authority."),

    // browser login
    LOGIN_ENABLED("loginEnabled", "signward.login.enabled", "false", "`true` turns on browser login (Authorization Code + PKCE) in the same mechanism."),
    LOGIN_PATH("loginPath", "signward.login.path", "/auth/login", "Route that starts a login; accepts `returnTo` (a path within the application)."),
    LOGIN_CALLBACK_PATH("callbackPath", "signward.login.callback-path", "/auth/callback", "Redirect URI route: register `{public base URL}{context path}` + this path at Signward."),
    LOGIN_POST_LOGIN_REDIRECT("postLoginRedirect", "signward.login.post-login-redirect", "/", "Where a login goes when no safe `returnTo` was given."),
    LOGIN_REFRESH_MARGIN("refreshMargin", "signward.login.refresh-margin", "60s", "A session's tokens are refreshed when the access token expires within this margin."),
    LOGIN_FETCH_USERINFO("fetchUserinfo", "signward.login.fetch-userinfo", "true", "Complete the session user's claims from the userinfo endpoint at login (its `sub` must match the ID token's)."),
    LOGIN_MAX_PENDING("maxPendingLogins", "signward.login.max-pending", "10", "Logins one session may have in progress at once (one per browser tab), 1 to 100."),
    LOGIN_PENDING_TTL("pendingLoginTtl", "signward.login.pending-ttl", "10m", "How long a started login may take before its `state` expires."),
    LOGOUT_PATH("logoutPath", "signward.logout.path", "/auth/logout", "Route that logs out (POST; GET too only with `signward.logout.allow-get=true`)."),
    LOGOUT_POST_LOGOUT_REDIRECT("postLogoutRedirect", "signward.logout.post-logout-redirect", "/", "Where Signward sends the browser after logout (a path within the application)."),
    LOGOUT_ALLOW_GET("logoutGetEnabled", "signward.logout.allow-get", "false", "`true` also logs out on GET (a link on another site can then log the user out); by default only a same-origin POST does."),
    PUBLIC_BASE_URL("publicBaseUrl", "signward.public-base-url", null, "Public scheme, host and port of the application behind a proxy, e.g. `https://myapp.com`; default: the request's."),

    // browser sessions: lifetime, CSRF, back-channel logout, shared state
    SESSION_MAX_AGE("sessionMaxAge", "signward.session.max-age", "12h", "Absolute bound of a login from its start, whatever refreshes succeed. The idle timeout is the HTTP session's `session-timeout`."),
    SESSION_REFRESH_GRACE("refreshGrace", "signward.session.refresh-grace", "60s", "While refreshing fails transiently (5xx, timeout, no connection) the tokens are kept until the access token's expiry plus this grace; then the login ends."),
    SESSION_DEFAULT_TOKEN_LIFETIME("defaultTokenLifetime", "signward.session.default-token-lifetime", "5m", "Access-token lifetime assumed when the token response has no `expires_in` and the token is not a JWT with `exp`."),
    SESSION_ENCRYPTION_KEY("sessionEncryptionKey", "signward.session.encryption-key", null, "Base64 AES key (16, 24 or 32 bytes): the session's tokens are sealed with AES-GCM. Set it when sessions are replicated or persisted."),
    CSRF_ENABLED("csrfEnabled", "signward.csrf.enabled", "true", "Unsafe requests (POST, PUT, PATCH, DELETE) authenticated by the session need `Sec-Fetch-Site: same-origin` or a matching `Origin`; `false` turns the check off."),
    CSRF_ALLOWED_ORIGINS("csrfAllowedOrigins", "signward.csrf.allowed-origins", null, "Further origins accepted for unsafe session requests, comma-separated, e.g. `https://admin.myapp.com`."),
    LOGOUT_BACKCHANNEL_PATH("backchannelLogoutPath", "signward.logout.backchannel-path", "/auth/backchannel-logout", "Back-channel logout route (POST `logout_token`); register `{public base URL}{context path}` + this path at Signward."),
    LOGOUT_TOKEN_MAX_AGE("logoutTokenMaxAge", "signward.logout.token-max-age", "5m", "How old a logout token's `iat` may be; its `jti` is remembered as long."),
    STATE_STORE("stateStore", "signward.state.store", "auto", "Where logout markers, the logout-token replay cache and refresh leases live: `memory`, `jcache`, or `auto` (JCache when a `CacheManager` is available)."),

    // operations: webhooks, start-up self-check
    WEBHOOKS_ENABLED("webhooksEnabled", "signward.webhooks.enabled", "false", "`true` serves the webhook endpoint and fires each verified delivery as a CDI `SignwardEvent`."),
    WEBHOOKS_PATH("webhooksPath", "signward.webhooks.path", "/signward/webhooks", "Path of the webhook endpoint within the application; register `{public base URL}{context path}` + this path at Signward."),
    WEBHOOKS_SECRET("webhooksSecret", "signward.webhooks.secret", null, "The subscription secret (`whsec_…`); several comma-separated during a rotation. Required when webhooks are enabled; never logged."),
    HEALTH_ENABLED("healthEnabled", "signward.health.enabled", "true", "With MicroProfile Health in the runtime: contribute the readiness check `signward` (`false`: none)."),
    STARTUP_CHECK("startupCheck", "signward.startup.check", "warn", "Start-up self-check against the discovery document: `warn` logs problems, `fail` fails the deployment on a misconfiguration, `off` skips it."),

    // opaque tokens (RFC 7662 introspection) and protected-resource metadata (RFC 9728): introspection page
    INTROSPECTION_ENABLED("introspectionEnabled", "signward.introspection.enabled", "false", "`true` checks bearer tokens that are not JWS (opaque tokens) at the discovered `introspection_endpoint`."),
    INTROSPECTION_FOR_JWT("introspectionForJwt", "signward.introspection.for-jwt", "false", "With introspection on, `true` introspects every bearer token, JWTs too, instead of validating JWTs locally."),
    INTROSPECTION_CACHE_TTL("introspectionCacheTtl", "signward.introspection.cache-ttl", "5m", "How long an introspection result is trusted (never beyond the token's `exp`); `0` introspects every request."),
    RESOURCE_METADATA_ENABLED("resourceMetadataEnabled", "signward.resource-metadata.enabled", "false", "`true` serves `/.well-known/oauth-protected-resource` (RFC 9728) and names it in 401 challenges."),
    RESOURCE_METADATA_RESOURCE("resourceMetadataResource", "signward.resource-metadata.resource", null, "The `resource` identifier of the metadata; default: the public base URL (or the request's) plus the context path."),
    RESOURCE_METADATA_SCOPES("resourceMetadataScopes", "signward.resource-metadata.scopes", null, "`scopes_supported` of the metadata, comma-separated; unset: left out."),

    // calling other services: SignwardTokenPropagation
    PROPAGATION_ALLOWED_HOSTS("propagationAllowedHosts", "signward.propagation.allowed-hosts", null, "Hosts (`host` or `host:port`, exact, case-insensitive) that `SignwardTokenPropagation` sends tokens to, comma-separated. Unset: none (a warning at first use)."),
    PROPAGATION_MODE("propagationMode", "signward.propagation.mode", "caller", "Which token is sent: `caller` (the caller's access token), `client-credentials` (always the application's own token) or `caller-or-client-credentials`."),
    PROPAGATION_SCOPES("propagationScopes", "signward.propagation.scopes", null, "Scopes asked for in the client-credentials grant, comma-separated. Unset: none sent."),
    PROPAGATION_EXCHANGE_AUDIENCE("propagationExchangeAudience", "signward.propagation.exchange.audience", null, "When set, a caller's token is exchanged (RFC 8693) for one with this audience before it is sent.");

    private final String option;
    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String option, String key, String defaultValue, String description) {
        this.option = option;
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The property name, e.g. {@code signward.authority}. */
    public String key() {
        return key;
    }

    /** The name of the matching builder option ({@code SignwardOptions} or {@code WebLoginSettings}). */
    String option() {
        return option;
    }

    /** The key whose builder option has this name (names are unique), if any. */
    static java.util.Optional<ConfigKey> forOption(String option) {
        return java.util.Arrays.stream(values()).filter(key -> key.option.equals(option)).findFirst();
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
