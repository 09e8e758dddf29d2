package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code signward.tenants.<name>.*}: names, keys, what is inherited, and {@code signward.tenants.allowed}. */
class TenantSettingsTest {

    private final Map<String, String> config = new HashMap<>(Map.of(
            "signward.authority", "https://a.signward.com",
            "signward.client-id", "app-a",
            "signward.client-secret", "secret-a",
            "signward.audience", "api-a",
            "signward.timeout", "3s",
            "signward.roles.claim", "realm_access/roles"));

    private Map<String, SignwardOptions> read() {
        ConfigValues values = new ConfigValues(key -> Optional.ofNullable(config.get(key)));
        SignwardDeployment deployment = SignwardDeployment.read(key -> Optional.ofNullable(config.get(key)),
                config.keySet());
        return TenantSettings.read(values, config.keySet(), deployment.options());
    }

    private String failure() {
        return assertThrows(ConfigException.class, this::read).getMessage();
    }

    @Test
    void noTenantKeysNoTenants() {
        assertTrue(read().isEmpty());
    }

    @Test
    void aNamedTenantHasItsOwnFiveKeysAndInheritsTheRest() {
        config.put("signward.tenants.partners.authority", "https://b.signward.com/");
        config.put("signward.tenants.partners.client-id", "app-b");
        config.put("signward.tenants.partners.audience", "api-b");
        SignwardOptions b = read().get("partners");
        assertEquals("partners", b.tenantName());
        assertEquals("https://b.signward.com", b.authority());
        assertEquals("app-b", b.clientId());
        assertEquals("api-b", b.audience());
        assertNull(b.clientSecret(), "a secret is never inherited from another authority");
        assertNull(b.issuer());
        assertEquals(Duration.ofSeconds(3), b.timeout());
        assertEquals("realm_access/roles", b.rolesClaim());
    }

    @Test
    void unsetTenantKeysTakeTheirDocumentedDefaultsNotTheDefaultTenantsValues() {
        config.put("signward.tenants.b.authority", "https://b.signward.com");
        config.put("signward.tenants.b.client-id", "app-b");
        config.put("signward.tenants.b.client-secret", "secret-b");
        config.put("signward.tenants.b.issuer", "https://issuer-b.example");
        SignwardOptions b = read().get("b");
        assertEquals("idserver-api", b.audience());
        assertEquals("secret-b", b.clientSecret());
        assertEquals("https://issuer-b.example", b.issuer());
        assertEquals("https://issuer-b.example", TenantSettings.expectedIssuer(b));
    }

    @Test
    void allowedStaysTheTenantIdListAndIsNoTenant() {
        UUID tenant = UUID.randomUUID();
        config.put("signward.tenants.allowed", tenant.toString());
        config.put("signward.tenants.b.authority", "https://b.signward.com");
        config.put("signward.tenants.b.client-id", "app-b");
        assertEquals(List.of("b"), List.copyOf(read().keySet()));
        SignwardDeployment deployment = SignwardDeployment.read(key -> Optional.ofNullable(config.get(key)),
                config.keySet());
        assertEquals(java.util.Set.of(tenant), deployment.allowedTenants());
    }

    @Test
    void reservedAndMalformedNamesAreRefusedNamingTheKey() {
        config.put("signward.tenants.allowed.authority", "https://b.signward.com");
        assertTrue(failure().startsWith("signward.tenants.allowed.authority: "), failure());
        config.clear();
        config.putAll(Map.of("signward.authority", "https://a.signward.com", "signward.client-id", "app-a"));
        config.put("signward.tenants.default.authority", "https://b.signward.com");
        assertTrue(failure().startsWith("signward.tenants.default.authority: "), failure());
        config.remove("signward.tenants.default.authority");
        config.put("signward.tenants.b c.authority", "https://b.signward.com");
        assertTrue(failure().startsWith("signward.tenants.b c.authority: a tenant name"), failure());
        config.remove("signward.tenants.b c.authority");
        config.put("signward.tenants.b.authority", "https://b.signward.com");
        config.put("signward.tenants.b.client-id", "app-b");
        config.put("signward.tenants.b.scopes", "openid");
        assertTrue(failure().startsWith("signward.tenants.b.scopes: unknown tenant key"), failure());
        config.remove("signward.tenants.b.scopes");
        config.put("signward.tenants.oops", "x");
        assertTrue(failure().startsWith("signward.tenants.oops: unknown key"), failure());
    }

    @Test
    void missingOrInvalidValuesNameTheTenantKey() {
        config.put("signward.tenants.b.client-id", "app-b");
        assertEquals("signward.tenants.b.authority: is required for tenant b", failure());
        config.put("signward.tenants.b.authority", "http://b.example.com");
        assertTrue(failure().startsWith("signward.tenants.b.authority: authority must use https"), failure());
        config.put("signward.tenants.b.authority", "https://b.signward.com");
        config.remove("signward.tenants.b.client-id");
        assertEquals("signward.tenants.b.client-id: is required for tenant b", failure());
        config.put("signward.tenants.b.client-id", "app-b");
        config.put("signward.tenants.b.issuer", "not a url");
        assertTrue(failure().startsWith("signward.tenants.b.issuer: "), failure());
    }

    @Test
    void twoConfigurationsExpectingOneIssuerAreRefused() {
        config.put("signward.tenants.b.authority", "https://a.signward.com/");
        config.put("signward.tenants.b.client-id", "app-b");
        assertTrue(failure().startsWith("signward.tenants.b.issuer: tenant b expects the issuer of the unnamed"),
                failure());
    }
}
