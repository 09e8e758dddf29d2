package com.signward.idserver.jakarta;

import com.signward.idserver.SignwardOptions;
import com.signward.idserver.web.WebLoginSettings;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Jakarta integration's configuration, read once at deployment from MicroProfile Config.
 *
 * @param options            the client options
 * @param includeCustomRoles whether custom roles become groups ({@code signward.roles.include-custom})
 * @param principalClaim     the claim naming the caller ({@code signward.principal.claim})
 * @param login              browser login settings, present when {@code signward.login.enabled=true}
 */
public record SignwardSettings(SignwardOptions options, boolean includeCustomRoles, String principalClaim,
                               Optional<WebLoginSettings> login) {

    public SignwardSettings {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(principalClaim, "principalClaim");
        Objects.requireNonNull(login, "login");
    }

    /** The {@code realm} of {@code WWW-Authenticate} challenges: the client id. */
    public String realm() {
        return options.clientId();
    }

    /**
     * Reads and checks every key.
     *
     * @param lookup raw values by key name (e.g. {@code config::getOptionalValue})
     * @throws ConfigException naming the first key that is missing or does not parse
     */
    public static SignwardSettings read(Function<String, Optional<String>> lookup) {
        ConfigValues values = new ConfigValues(lookup);
        SignwardOptions options = build(() -> clientOptions(values));
        Optional<WebLoginSettings> login = values.bool(ConfigKey.LOGIN_ENABLED)
                ? Optional.of(build(() -> loginSettings(values)))
                : Optional.empty();
        if (login.isPresent() && !options.scopes().contains("openid")) {
            throw new ConfigException(ConfigKey.SCOPES, "must include openid when signward.login.enabled=true");
        }
        return new SignwardSettings(options, values.bool(ConfigKey.ROLES_INCLUDE_CUSTOM),
                values.required(ConfigKey.PRINCIPAL_CLAIM), login);
    }

    private static SignwardOptions clientOptions(ConfigValues values) {
        SignwardOptions.Builder builder = SignwardOptions.builder()
                .authority(values.required(ConfigKey.AUTHORITY))
                .clientId(values.required(ConfigKey.CLIENT_ID))
                .scopes(values.list(ConfigKey.SCOPES))
                .audience(values.required(ConfigKey.AUDIENCE))
                .timeout(values.duration(ConfigKey.TIMEOUT))
                .verifySsl(values.bool(ConfigKey.VERIFY_SSL))
                .clockSkew(values.duration(ConfigKey.CLOCK_SKEW))
                .rolesClaim(values.required(ConfigKey.ROLES_CLAIM))
                .customRolesClaim(values.required(ConfigKey.ROLES_CUSTOM_CLAIM))
                .allowSymmetricKeys(values.bool(ConfigKey.JWT_ALLOW_SYMMETRIC_KEYS))
                .jwksMinRefreshInterval(values.duration(ConfigKey.JWKS_MIN_REFRESH_INTERVAL))
                .jwksMaxStale(values.duration(ConfigKey.JWKS_MAX_STALE));
        values.string(ConfigKey.CLIENT_SECRET).ifPresent(builder::clientSecret);
        values.uri(ConfigKey.ISSUER).ifPresent(uri -> builder.issuer(uri.toString()));
        values.uri(ConfigKey.WEB_BASE_URL).ifPresent(uri -> builder.webBaseUrl(uri.toString()));
        if (values.explicit(ConfigKey.JWT_ALLOWED_ALGORITHMS).isPresent()) {
            // unset, the client's default applies: the asymmetric algorithms, plus HS* when symmetric keys are on
            builder.allowedAlgorithms(values.set(ConfigKey.JWT_ALLOWED_ALGORITHMS));
        }
        return builder.build();
    }

    private static WebLoginSettings loginSettings(ConfigValues values) {
        WebLoginSettings.Builder builder = WebLoginSettings.builder()
                .loginPath(values.required(ConfigKey.LOGIN_PATH))
                .callbackPath(values.required(ConfigKey.LOGIN_CALLBACK_PATH))
                .postLoginRedirect(values.required(ConfigKey.LOGIN_POST_LOGIN_REDIRECT))
                .refreshMargin(values.duration(ConfigKey.LOGIN_REFRESH_MARGIN))
                .fetchUserinfo(values.bool(ConfigKey.LOGIN_FETCH_USERINFO))
                .maxPendingLogins(values.integer(ConfigKey.LOGIN_MAX_PENDING))
                .pendingLoginTtl(values.duration(ConfigKey.LOGIN_PENDING_TTL))
                .logoutPath(values.required(ConfigKey.LOGOUT_PATH))
                .postLogoutRedirect(values.required(ConfigKey.LOGOUT_POST_LOGOUT_REDIRECT))
                .logoutGetEnabled(values.bool(ConfigKey.LOGOUT_GET_ENABLED));
        values.uri(ConfigKey.PUBLIC_BASE_URL).ifPresent(builder::publicBaseUrl);
        return builder.build();
    }

    /** Runs a builder, turning its {@code IllegalArgumentException} into one that names the configuration key. */
    private static <T> T build(Supplier<T> builder) {
        try {
            return builder.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw Arrays.stream(ConfigKey.values())
                    .filter(key -> message.startsWith(key.option()))
                    .max(Comparator.comparingInt(key -> key.option().length()))
                    .map(key -> new ConfigException(key, message))
                    .orElseGet(() -> new ConfigException("signward configuration: " + message));
        }
    }
}
