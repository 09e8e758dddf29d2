package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardOptions;
import com.signward.idserver.web.WebLoginSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignwardDeploymentTest {

    private final Map<String, String> config = new HashMap<>(Map.of(
            "signward.authority", "https://mytenant.signward.com",
            "signward.client-id", "my-api"));

    private SignwardDeployment read() {
        return SignwardDeployment.read(key -> Optional.ofNullable(config.get(key)));
    }

    private String failure() {
        return assertThrows(ConfigException.class, this::read).getMessage();
    }

    @Test
    void threeLinesAreEnoughAndDefaultsMatchTheClient() {
        SignwardDeployment settings = read();
        SignwardOptions defaults = SignwardOptions.builder()
                .authority("https://mytenant.signward.com").clientId("my-api").build();
        SignwardOptions options = settings.options();
        assertEquals(defaults.audience(), options.audience());
        assertEquals("idserver-api", options.audience());
        assertEquals(defaults.scopes(), options.scopes());
        assertEquals(defaults.timeout(), options.timeout());
        assertEquals(defaults.clockSkew(), options.clockSkew());
        assertEquals(defaults.verifySsl(), options.verifySsl());
        assertEquals(defaults.allowedAlgorithms(), options.allowedAlgorithms());
        assertEquals(defaults.allowSymmetricKeys(), options.allowSymmetricKeys());
        assertEquals(defaults.jwksMinRefreshInterval(), options.jwksMinRefreshInterval());
        assertEquals(defaults.jwksMaxStale(), options.jwksMaxStale());
        assertEquals(defaults.rolesClaim(), options.rolesClaim());
        assertEquals(defaults.customRolesClaim(), options.customRolesClaim());
        assertTrue(settings.includeCustomRoles());
        assertEquals("sub", settings.principalClaim());
        assertEquals("my-api", settings.realm());
    }

    @Test
    void everyKeyIsRead() {
        config.putAll(Map.of(
                "signward.client-secret", "s3cret",
                "signward.scopes", "openid, roles",
                "signward.audience", "orders",
                "signward.issuer", "https://issuer.example.com",
                "signward.timeout", "2500ms",
                "signward.clock-skew", "PT5S",
                "signward.roles.include-custom", "FALSE",
                "signward.principal.claim", "email",
                "signward.jwt.allowed-algorithms", "ES256",
                "signward.jwks.max-stale", "2h"));
        config.put("signward.jwks.min-refresh-interval", "1m");
        config.put("signward.jwt.allow-symmetric-keys", "true");
        config.put("signward.roles.claim", "r");
        config.put("signward.custom-roles.claim", "cr");
        SignwardDeployment settings = read();
        SignwardOptions options = settings.options();
        assertEquals(List.of("openid", "roles"), options.scopes());
        assertEquals("orders", options.audience());
        assertEquals(Duration.ofMillis(2500), options.timeout());
        assertEquals(Duration.ofSeconds(5), options.clockSkew());
        assertEquals(Set.of("ES256"), options.allowedAlgorithms());
        assertTrue(options.allowSymmetricKeys());
        assertEquals(Duration.ofMinutes(1), options.jwksMinRefreshInterval());
        assertEquals(Duration.ofHours(2), options.jwksMaxStale());
        assertEquals("r", options.rolesClaim());
        assertEquals("cr", options.customRolesClaim());
        assertFalse(settings.includeCustomRoles());
        assertEquals("email", settings.principalClaim());
    }

    @Test
    void missingAuthorityNamesTheKey() {
        config.remove("signward.authority");
        assertEquals("signward.authority: is required but not set", failure());
    }

    @Test
    void blankClientIdNamesTheKey() {
        config.put("signward.client-id", "  ");
        assertTrue(failure().startsWith("signward.client-id:"));
    }

    @Test
    void plainHttpAuthorityNamesTheKey() {
        config.put("signward.authority", "http://mytenant.signward.com");
        assertTrue(failure().startsWith("signward.authority:"), failure());
    }

    @Test
    void unparsableValuesNameTheirKey() {
        config.put("signward.timeout", "ten seconds");
        assertTrue(failure().startsWith("signward.timeout: is not a duration"), failure());
        config.put("signward.timeout", "10s");
        config.put("signward.verify-ssl", "maybe");
        assertEquals("signward.verify-ssl: must be true or false", failure());
        config.put("signward.verify-ssl", "true");
        config.put("signward.issuer", "not a url");
        assertTrue(failure().startsWith("signward.issuer:"), failure());
    }

    @Test
    void durationsAcceptTheDocumentedForms() {
        for (Map.Entry<String, Duration> e : Map.of("10", Duration.ofSeconds(10), "10s", Duration.ofSeconds(10),
                "500ms", Duration.ofMillis(500), "5m", Duration.ofMinutes(5), "24h", Duration.ofHours(24),
                "1d", Duration.ofDays(1), "PT10S", Duration.ofSeconds(10)).entrySet()) {
            config.put("signward.clock-skew", e.getKey());
            assertEquals(e.getValue(), read().options().clockSkew(), e.getKey());
        }
    }

    @Test
    void browserLoginIsOffByDefaultAndReadsItsKeysWhenOn() {
        assertTrue(read().login().isEmpty());
        config.put("signward.login.enabled", "true");
        config.put("signward.login.path", "/signin");
        config.put("signward.login.pending-ttl", "2m");
        config.put("signward.login.max-pending", "3");
        config.put("signward.logout.allow-get", "true");
        config.put("signward.public-base-url", "https://myapp.com");
        var login = read().login().orElseThrow();
        assertEquals("/signin", login.loginPath());
        assertEquals("/auth/callback", login.callbackPath());
        assertEquals(Duration.ofMinutes(2), login.pendingLoginTtl());
        assertEquals(3, login.maxPendingLogins());
        assertTrue(login.logoutGetEnabled());
        assertEquals("https://myapp.com", login.publicBaseUrl().orElseThrow().toString());
    }

    @Test
    void sessionKeysAreReadWithTheirDefaults() {
        config.put("signward.login.enabled", "true");
        var defaults = read().login().orElseThrow();
        assertFalse(defaults.logoutGetEnabled());
        assertEquals(Duration.ofHours(12), defaults.sessionMaxAge());
        assertEquals(Duration.ofSeconds(60), defaults.refreshGrace());
        assertEquals(Duration.ofMinutes(5), defaults.defaultTokenLifetime());
        assertTrue(defaults.session().csrfEnabled());
        assertEquals("/auth/backchannel-logout", defaults.backchannelLogoutPath());
        assertEquals(Duration.ofMinutes(5), defaults.session().logoutTokenMaxAge());
        assertEquals(com.signward.idserver.web.state.StateStores.Mode.AUTO, defaults.session().stateStore());
        assertEquals(null, defaults.session().encryptionKey());

        config.put("signward.session.max-age", "8h");
        config.put("signward.session.refresh-grace", "30s");
        config.put("signward.session.default-token-lifetime", "2m");
        config.put("signward.session.encryption-key", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        config.put("signward.csrf.enabled", "false");
        config.put("signward.csrf.allowed-origins", "https://admin.myapp.com, http://localhost:3000");
        config.put("signward.logout.backchannel-path", "/bcl");
        config.put("signward.logout.token-max-age", "2m");
        config.put("signward.state.store", "memory");
        var login = read().login().orElseThrow();
        assertEquals(Duration.ofHours(8), login.sessionMaxAge());
        assertEquals(Duration.ofSeconds(30), login.refreshGrace());
        assertEquals(Duration.ofMinutes(2), login.defaultTokenLifetime());
        assertEquals(32, login.session().encryptionKey().length);
        assertFalse(login.session().csrfEnabled());
        assertEquals(java.util.Set.of("https://admin.myapp.com", "http://localhost:3000"),
                login.session().csrfAllowedOrigins());
        assertEquals("/bcl", login.backchannelLogoutPath());
        assertEquals(Duration.ofMinutes(2), login.session().logoutTokenMaxAge());
        assertEquals(com.signward.idserver.web.state.StateStores.Mode.MEMORY, login.session().stateStore());
        assertFalse(login.toString().contains("AAAA"), "the key is never printed");
    }

    @Test
    void badSessionValuesNameTheirKey() {
        config.put("signward.login.enabled", "true");
        for (String[] bad : new String[][] {{"signward.session.encryption-key", "not base64!"},
                {"signward.session.encryption-key", java.util.Base64.getEncoder().encodeToString(new byte[10])},
                {"signward.state.store", "redis"}, {"signward.csrf.allowed-origins", "https://a.example/path"},
                {"signward.session.max-age", "0s"}, {"signward.logout.backchannel-path", "/auth/logout"}}) {
            Map<String, String> saved = new java.util.HashMap<>(config);
            config.put(bad[0], bad[1]);
            ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, this::read,
                    bad[0]);
            assertTrue(e.getMessage().contains(bad[0]), e.getMessage());
            config.clear();
            config.putAll(saved);
        }
    }

    @Test
    void badLoginValuesNameTheirKey() {
        config.put("signward.login.enabled", "true");
        config.put("signward.login.path", "auth/login");
        assertTrue(failure().startsWith("signward.login.path:"), failure());
        config.put("signward.login.path", "/auth/login");
        config.put("signward.login.max-pending", "many");
        assertEquals("signward.login.max-pending: must be a whole number", failure());
        config.put("signward.login.max-pending", "1000");
        assertTrue(failure().startsWith("signward.login.max-pending:"), failure());
        config.put("signward.login.max-pending", "10");
        config.put("signward.scopes", "profile");
        assertEquals("signward.scopes: must include openid when signward.login.enabled=true", failure());
    }

    @Test
    void theAccessTokenKeysAreRead() {
        config.put("signward.token.types", "at+jwt");
        config.put("signward.token.allowed-clients", "a, b");
        config.put("signward.token.cache-size", "0");
        SignwardOptions options = read().options();
        assertEquals(List.of("at+jwt"), options.accessTokenTypes());
        assertEquals(List.of("a", "b"), options.allowedClients());
        assertEquals(0, options.tokenCacheSize());
    }

    @Test
    void badValuesFailNamingTheirKey() {
        List<Map.Entry<String, String>> bad = List.of(
                Map.entry("signward.token.cache-size", "-1"),
                Map.entry("signward.token.types", "at jwt"),
                Map.entry("signward.token.allowed-clients", "a,b c"),
                Map.entry("signward.clock-skew", "2d"),
                Map.entry("signward.authority", "ftp://x"),
                Map.entry("signward.scopes", " , "),
                Map.entry("signward.token.cache-size", "1000001"),
                Map.entry("signward.timeout", "0s"),
                Map.entry("signward.jwks.max-stale", "-5s"),
                Map.entry("signward.jwt.allowed-algorithms", "none"),
                Map.entry("signward.login.enabled", "yes"),
                Map.entry("signward.web-base-url", "www.signward.com"));
        bad.forEach(entry -> {
            String key = entry.getKey();
            String value = entry.getValue();
            Map<String, String> saved = new HashMap<>(config);
            config.put(key, value);
            String message = failure();
            assertTrue(message.startsWith(key + ":"), () -> key + "=" + value + " -> " + message);
            config.clear();
            config.putAll(saved);
        });
        config.put("signward.token.cache-size", "lots");
        assertEquals("signward.token.cache-size: must be a whole number", failure());
    }

    @Test
    void withOnlyAuthorityAndClientIdTheOptionsAreTheBuilderDefaults() {
        SignwardDeployment deployment = read();
        SignwardOptions defaults = SignwardOptions.builder()
                .authority("https://mytenant.signward.com").clientId("my-api").build();
        assertSameOptions(defaults, deployment.options(), "only authority and client-id");
        assertTrue(deployment.login().isEmpty());
    }

    @Test
    void everyDocumentedDefaultIsTheBuildersDefault() {
        SignwardOptions defaults = read().options();
        config.put("signward.login.enabled", "true");
        String loginDefaults = read().login().orElseThrow().toString();
        assertEquals(WebLoginSettings.defaults().toString(), loginDefaults);
        config.remove("signward.login.enabled");
        int checked = 0;
        for (ConfigKey key : ConfigKey.values()) {
            if (key.defaultValue() == null) {
                continue;
            }
            Map<String, String> saved = new HashMap<>(config);
            config.put(key.key(), key.defaultValue());
            if (key.key().startsWith("signward.login.") || key.key().startsWith("signward.logout.")) {
                config.put("signward.login.enabled", "true");
                SignwardDeployment withDefault = read();
                assertEquals(loginDefaults, withDefault.login().orElseThrow().toString(),
                        key.key() + "=" + key.defaultValue() + " is documented as WebLoginSettings' default");
                assertSameOptions(defaults, withDefault.options(), key.key());
            } else {
                SignwardDeployment withDefault = read();
                assertSameOptions(defaults, withDefault.options(),
                        key.key() + "=" + key.defaultValue() + " is documented as SignwardOptions' default");
                assertTrue(withDefault.includeCustomRoles(), key.key());
                assertEquals("sub", withDefault.principalClaim(), key.key());
                assertTrue(withDefault.login().isEmpty(), key.key());
            }
            config.clear();
            config.putAll(saved);
            checked++;
        }
        assertTrue(checked >= 20, checked + " defaults checked");
        // the keys that are not builder options document the deployment's own defaults
        SignwardDeployment plain = read();
        assertEquals(ConfigKey.ROLES_INCLUDE_CUSTOM.defaultValue(), String.valueOf(plain.includeCustomRoles()));
        assertEquals(ConfigKey.PRINCIPAL_CLAIM.defaultValue(), plain.principalClaim());
        assertEquals(ConfigKey.LOGIN_ENABLED.defaultValue(), String.valueOf(plain.login().isPresent()));
    }

    @Test
    void everyInvalidOptionMapsToAKey() {
        for (ConfigKey key : ConfigKey.values()) {
            assertEquals(key, ConfigKey.forOption(key.option()).orElseThrow(), key.option());
        }
    }

    private static void assertSameOptions(SignwardOptions expected, SignwardOptions actual, String why) {
        assertEquals(com.signward.idserver.TestCores.config(expected), com.signward.idserver.TestCores.config(actual),
                why);
        assertEquals(expected.webBaseUrl(), actual.webBaseUrl(), why);
        assertEquals(expected.rolesClaim(), actual.rolesClaim(), why);
        assertEquals(expected.customRolesClaim(), actual.customRolesClaim(), why);
    }
}
