package com.signward.idserver.jakarta.internal;

import com.signward.idserver.InvalidOptionException;
import com.signward.idserver.SignwardOptions;
import com.signward.idserver.web.SessionSettings;
import com.signward.idserver.web.WebLoginSettings;
import com.signward.idserver.web.state.StateStores;

import java.util.Base64;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the Jakarta integration read from MicroProfile Config at deployment: the client options (built by
 * {@link SignwardOptions}, which holds their defaults: only keys the application set are passed on), how a user
 * becomes a caller, and the browser-login settings when login is on.
 *
 * @param options            the client options
 * @param includeCustomRoles whether custom roles become groups ({@code signward.roles.include-custom})
 * @param principalClaim     the claim naming the caller ({@code signward.principal.claim})
 * @param login              browser login settings, present when {@code signward.login.enabled=true}
 * @param allowedTenants     {@code signward.tenants.allowed}, or {@code null} when any tenant is allowed
 * @param introspection      which bearer tokens are introspected ({@code signward.introspection.*})
 */
public record SignwardDeployment(SignwardOptions options, boolean includeCustomRoles, String principalClaim,
                                 Optional<WebLoginSettings> login, Set<UUID> allowedTenants,
                                 IntrospectionSettings introspection) {

    public SignwardDeployment {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(principalClaim, "principalClaim");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(introspection, "introspection");
    }

    /** The {@code realm} of {@code WWW-Authenticate} challenges: the client id. */
    public String realm() {
        return options.clientId();
    }

    /**
     * Reads and checks every key.
     *
     * @param lookup raw values by key name (e.g. {@code config::getOptionalValue})
     * @throws ConfigException naming the first key that is missing or invalid
     */
    public static SignwardDeployment read(Function<String, Optional<String>> lookup) {
        return read(lookup, List.of());
    }

    /**
     * Reads and checks every key, also key families such as {@code signward.roles.map.<from>}.
     *
     * @param lookup        raw values by key name
     * @param propertyNames every property name the configuration knows
     * @throws ConfigException naming the first key that is missing or invalid
     */
    public static SignwardDeployment read(Function<String, Optional<String>> lookup, Iterable<String> propertyNames) {
        ConfigValues values = new ConfigValues(lookup);
        SignwardOptions options = build(() -> defaultTenant(values, propertyNames).build());
        Optional<WebLoginSettings> login = values.boolWithDefault(ConfigKey.LOGIN_ENABLED)
                ? Optional.of(build(() -> loginSettings(values)))
                : Optional.empty();
        if (login.isPresent() && !options.scopes().contains("openid")) {
            throw new ConfigException(ConfigKey.SCOPES, "must include openid when signward.login.enabled=true");
        }
        return new SignwardDeployment(options, values.boolWithDefault(ConfigKey.ROLES_INCLUDE_CUSTOM),
                values.withDefault(ConfigKey.PRINCIPAL_CLAIM), login, AuthorizationSettings.allowedTenants(values),
                IntrospectionSettings.read(values));
    }

    /** The unnamed {@code signward.*} configuration; named tenants start from it ({@link TenantSettings}). */
    static SignwardOptions.Builder defaultTenant(ConfigValues values, Iterable<String> propertyNames) {
        return clientOptions(values).roleMapping(AuthorizationSettings.roleMapping(values, propertyNames));
    }

    private static SignwardOptions.Builder clientOptions(ConfigValues values) {
        SignwardOptions.Builder builder = SignwardOptions.builder()
                .authority(values.required(ConfigKey.AUTHORITY))
                .clientId(values.required(ConfigKey.CLIENT_ID));
        values.explicit(ConfigKey.CLIENT_SECRET).ifPresent(builder::clientSecret);
        values.list(ConfigKey.SCOPES).ifPresent(builder::scopes);
        values.explicit(ConfigKey.AUDIENCE).ifPresent(builder::audience);
        values.uri(ConfigKey.ISSUER).ifPresent(uri -> builder.issuer(uri.toString()));
        values.duration(ConfigKey.TIMEOUT).ifPresent(builder::timeout);
        values.bool(ConfigKey.VERIFY_SSL).ifPresent(builder::verifySsl);
        values.uri(ConfigKey.WEB_BASE_URL).ifPresent(uri -> builder.webBaseUrl(uri.toString()));
        values.duration(ConfigKey.CLOCK_SKEW).ifPresent(builder::clockSkew);
        values.explicit(ConfigKey.ROLES_CLAIM).ifPresent(builder::rolesClaim);
        values.explicit(ConfigKey.ROLES_CUSTOM_CLAIM).ifPresent(builder::customRolesClaim);
        values.set(ConfigKey.JWT_ALLOWED_ALGORITHMS).ifPresent(builder::allowedAlgorithms);
        values.bool(ConfigKey.JWT_ALLOW_SYMMETRIC_KEYS).ifPresent(builder::allowSymmetricKeys);
        values.duration(ConfigKey.JWKS_MIN_REFRESH_INTERVAL).ifPresent(builder::jwksMinRefreshInterval);
        values.duration(ConfigKey.JWKS_MAX_STALE).ifPresent(builder::jwksMaxStale);
        values.list(ConfigKey.TOKEN_TYPES).ifPresent(builder::accessTokenTypes);
        values.list(ConfigKey.TOKEN_ALLOWED_CLIENTS).ifPresent(builder::allowedClients);
        values.integer(ConfigKey.TOKEN_CACHE_SIZE).ifPresent(builder::tokenCacheSize);
        values.duration(ConfigKey.INTROSPECTION_CACHE_TTL).ifPresent(builder::introspectionCacheTtl);
        return builder;
    }

    private static WebLoginSettings loginSettings(ConfigValues values) {
        WebLoginSettings.Builder builder = WebLoginSettings.builder();
        values.explicit(ConfigKey.LOGIN_PATH).ifPresent(builder::loginPath);
        values.explicit(ConfigKey.LOGIN_CALLBACK_PATH).ifPresent(builder::callbackPath);
        values.explicit(ConfigKey.LOGIN_POST_LOGIN_REDIRECT).ifPresent(builder::postLoginRedirect);
        values.duration(ConfigKey.LOGIN_REFRESH_MARGIN).ifPresent(builder::refreshMargin);
        values.bool(ConfigKey.LOGIN_FETCH_USERINFO).ifPresent(builder::fetchUserinfo);
        values.integer(ConfigKey.LOGIN_MAX_PENDING).ifPresent(builder::maxPendingLogins);
        values.duration(ConfigKey.LOGIN_PENDING_TTL).ifPresent(builder::pendingLoginTtl);
        values.explicit(ConfigKey.LOGOUT_PATH).ifPresent(builder::logoutPath);
        values.explicit(ConfigKey.LOGOUT_POST_LOGOUT_REDIRECT).ifPresent(builder::postLogoutRedirect);
        values.bool(ConfigKey.LOGOUT_ALLOW_GET).ifPresent(builder::logoutGetEnabled);
        values.uri(ConfigKey.PUBLIC_BASE_URL).ifPresent(builder::publicBaseUrl);
        sessionSettings(values, builder.session());
        return builder.build();
    }

    private static void sessionSettings(ConfigValues values, SessionSettings.Builder session) {
        values.duration(ConfigKey.SESSION_MAX_AGE).ifPresent(session::sessionMaxAge);
        values.duration(ConfigKey.SESSION_REFRESH_GRACE).ifPresent(session::refreshGrace);
        values.duration(ConfigKey.SESSION_DEFAULT_TOKEN_LIFETIME).ifPresent(session::defaultTokenLifetime);
        values.explicit(ConfigKey.SESSION_ENCRYPTION_KEY).ifPresent(key -> {
            try {
                session.sessionEncryptionKey(Base64.getDecoder().decode(key.strip()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ConfigKey.SESSION_ENCRYPTION_KEY, "must be base64 (e.g. from "
                        + "`openssl rand -base64 32`)");
            }
        });
        values.bool(ConfigKey.CSRF_ENABLED).ifPresent(session::csrfEnabled);
        values.list(ConfigKey.CSRF_ALLOWED_ORIGINS).ifPresent(session::csrfAllowedOrigins);
        values.explicit(ConfigKey.LOGOUT_BACKCHANNEL_PATH).ifPresent(session::backchannelLogoutPath);
        values.duration(ConfigKey.LOGOUT_TOKEN_MAX_AGE).ifPresent(session::logoutTokenMaxAge);
        values.explicit(ConfigKey.STATE_STORE).ifPresent(mode -> {
            try {
                session.stateStore(StateStores.Mode.parse(mode));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ConfigKey.STATE_STORE, "must be auto, memory or jcache");
            }
        });
    }

    /** Runs a builder, naming the configuration key of the option it refused. */
    private static <T> T build(Supplier<T> builder) {
        try {
            return builder.get();
        } catch (InvalidOptionException e) {
            throw ConfigKey.forOption(e.option())
                    .map(key -> new ConfigException(key, e.getMessage()))
                    .orElseGet(() -> new ConfigException("signward configuration: " + e.getMessage()));
        }
    }
}
