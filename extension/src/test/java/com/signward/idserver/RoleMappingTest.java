package com.signward.idserver;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Role claim paths, renames, prefix and custom-role groups, applied where the user is built. */
class RoleMappingTest {

    private static final Map<String, Object> KEYCLOAK = Map.of(
            "sub", "u",
            "realm_access", Map.of("roles", List.of("Owner", "offline_access")),
            "resource_access", Map.of("my-client", Map.of("roles", "billing")));

    @Test
    void nestedClaimPaths() {
        SignwardUser user = SignwardUser.fromClaims(KEYCLOAK, "realm_access/roles", "resource_access/my-client/roles");
        assertEquals(List.of("Owner", "offline_access"), user.roles());
        assertEquals(List.of("billing"), user.customRoles());
        assertEquals(Set.of("Owner", "offline_access", "billing"), user.groups());
        assertTrue(user.hasRole("owner"));
    }

    @Test
    void missingStepsGiveNoRoles() {
        assertEquals(List.of(), SignwardUser.fromClaims(KEYCLOAK, "realm_access/nothing", "x/y/z").roles());
        assertEquals(List.of(), SignwardUser.fromClaims(KEYCLOAK, "sub/roles", "custom_roles").roles());
    }

    @Test
    void aTopLevelClaimOfThatExactNameWins() {
        SignwardUser user = SignwardUser.fromClaims(Map.of("https://example.com/roles", List.of("admin")),
                "https://example.com/roles", "custom_roles");
        assertEquals(List.of("admin"), user.roles());
    }

    @Test
    void renamesAndPrefixApplyOnceRawClaimsStay() {
        RoleMapping mapping = RoleMapping.builder().prefix("ROLE_").map("owner", List.of("admin", "owner")).build();
        SignwardUser user = SignwardUser.fromClaims(KEYCLOAK, "realm_access/roles",
                "resource_access/my-client/roles", mapping);
        assertEquals(List.of("Owner", "offline_access"), user.roles(), "raw claim");
        assertEquals(Set.of("ROLE_admin", "ROLE_owner", "ROLE_offline_access", "ROLE_billing"), user.groups());
        assertTrue(user.hasRole("admin", false), "checks see the renamed roles, without the prefix");
        assertTrue(user.hasRole("owner"));
        assertFalse(user.hasRole("ROLE_admin"));
        assertTrue(user.inGroup("role_ADMIN"));
    }

    @Test
    void renamesFollowTheRoleRule() {
        RoleMapping mapping = RoleMapping.builder().map("admin", List.of("superuser")).build();
        SignwardUser user = SignwardUser.fromClaims(Map.of("sub", "u", "roles", List.of("ADMIN", "adm\u0131n")),
                "roles", "custom_roles", mapping);
        assertEquals(Set.of("superuser", "adm\u0131n"), user.groups());
    }

    @Test
    void customRolesCanBeLeftOutOfTheGroups() {
        RoleMapping mapping = RoleMapping.builder().includeCustom(false).build();
        SignwardUser user = SignwardUser.fromClaims(Map.of("sub", "u", "roles", "user", "custom_roles", "billing"),
                "roles", "custom_roles", mapping);
        assertEquals(Set.of("user"), user.groups());
        assertTrue(user.hasRole("billing"), "role checks still see custom roles");
    }

    @Test
    void badMappingsAreRefused() {
        assertThrows(InvalidOptionException.class, () -> RoleMapping.builder().map(" ", List.of("a")));
        assertThrows(InvalidOptionException.class, () -> RoleMapping.builder().map("a", List.of()));
        assertThrows(InvalidOptionException.class,
                () -> RoleMapping.builder().map("a", List.of("b")).map("A", List.of("c")));
    }

    @Test
    void usersWithTheSameClaimsButOtherGroupsDiffer() {
        Map<String, Object> claims = Map.of("sub", "u", "roles", "user");
        assertFalse(SignwardUser.fromClaims(claims).equals(SignwardUser.fromClaims(claims, "roles", "custom_roles",
                RoleMapping.builder().prefix("ROLE_").build())));
    }
}
