package com.signward.idserver.jakarta;

import com.signward.idserver.SignwardOptions;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Jakarta integration's configuration, read once at deployment from MicroProfile Config.
 *
 * @param options            the client options
 * @param includeCustomRoles whether custom roles become groups ({@code signward.roles.include-custom})
 * @param principalClaim     the claim naming the caller ({@code signward.principal.claim})
 */
public record SignwardSettings(SignwardOptions options, boolean includeCustomRoles, String principalClaim) {

    public SignwardSettings {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(principalClaim, "principalClaim");
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
        String authority = values.required(ConfigKey.AUTHORITY);
        String clientId = values.required(ConfigKey.CLIENT_ID);
        SignwardOptions.Builder builder = SignwardOptions.builder()
                .authority(authority)
                .clientId(clientId)
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
        if (values.explicit(ConfigKey.JWT_ALLOWED_ALGORITHMS).isPresent()) {
            // unset, the client's default applies: the asymmetric algorithms, plus HS* when symmetric keys are on
            builder.allowedAlgorithms(values.set(ConfigKey.JWT_ALLOWED_ALGORITHMS));
        }
        values.uri(ConfigKey.ISSUER).ifPresent(uri -> builder.issuer(uri.toString()));
        values.uri(ConfigKey.WEB_BASE_URL).ifPresent(uri -> builder.webBaseUrl(uri.toString()));
        SignwardOptions options;
        try {
            options = builder.build();
        } catch (IllegalArgumentException e) {
            ConfigKey key = keyNamedIn(e.getMessage());
            throw key == null ? new ConfigException("signward configuration: " + e.getMessage())
                    : new ConfigException(key, e.getMessage());
        }
        return new SignwardSettings(options, values.bool(ConfigKey.ROLES_INCLUDE_CUSTOM),
                values.required(ConfigKey.PRINCIPAL_CLAIM));
    }

    /** Maps the option named in a builder message (e.g. "authority must ...") back to its key, or null. */
    private static ConfigKey keyNamedIn(String message) {
        String text = message == null ? "" : message;
        for (ConfigKey key : ConfigKey.values()) {
            String option = optionName(key);
            if (text.startsWith(option + " ") || text.startsWith(option + ":") || text.contains("'" + option + "'")) {
                return key;
            }
        }
        return null;
    }

    private static String optionName(ConfigKey key) {
        String tail = key.key().substring(key.key().lastIndexOf('.') + 1);
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : tail.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
