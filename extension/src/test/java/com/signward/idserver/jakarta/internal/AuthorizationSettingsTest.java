package com.signward.idserver.jakarta.internal;

import com.signward.idserver.RoleMapping;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The role mapping and tenant keys, read from configuration. */
class AuthorizationSettingsTest {

    private final Map<String, String> config = new HashMap<>(Map.of(
            "signward.authority", "https://mytenant.signward.com",
            "signward.client-id", "my-api"));

    private SignwardDeployment read() {
        return SignwardDeployment.read(key -> Optional.ofNullable(config.get(key)), config.keySet());
    }

    @Test
    void defaultsMapNothingAndAllowEveryTenant() {
        SignwardDeployment deployment = read();
        assertEquals(RoleMapping.none(), deployment.options().roleMapping());
        assertNull(deployment.allowedTenants());
    }

    @Test
    void mappingKeysAreRead() {
        config.put("signward.roles.claim", "realm_access/roles");
        config.put("signward.custom-roles.claim", "resource_access/my-client/roles");
        config.put("signward.roles.prefix", "ROLE_");
        config.put("signward.roles.map.owner", "admin, owner");
        config.put("signward.roles.map.viewer", "reader");
        config.put("signward.roles.include-custom", "false");
        SignwardDeployment deployment = read();
        RoleMapping mapping = deployment.options().roleMapping();
        assertEquals("realm_access/roles", deployment.options().rolesClaim());
        assertEquals("resource_access/my-client/roles", deployment.options().customRolesClaim());
        assertEquals("ROLE_", mapping.prefix());
        assertEquals(Map.of("owner", List.of("admin", "owner"), "viewer", List.of("reader")), mapping.renames());
        assertEquals(false, mapping.includeCustom());
    }

    @Test
    void badMappingsFailNamingTheKey() {
        config.put("signward.roles.map.owner", " ");
        String message = assertThrows(ConfigException.class, this::read).getMessage();
        assertTrue(message.contains("signward.roles.map.owner"), message);
    }

    @Test
    void theOldCustomRolesKeyIsRefused() {
        config.put("signward.roles.custom-claim", "cr");
        String message = assertThrows(ConfigException.class, this::read).getMessage();
        assertTrue(message.contains("signward.custom-roles.claim"), message);
    }

    @Test
    void allowedTenantsAreUuids() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        config.put("signward.tenants.allowed", a + ", " + b);
        assertEquals(Set.of(a, b), read().allowedTenants());
        config.put("signward.tenants.allowed", a + ",tenant-b");
        String message = assertThrows(ConfigException.class, this::read).getMessage();
        assertTrue(message.contains("signward.tenants.allowed") && message.contains("tenant-b"), message);
    }
}
