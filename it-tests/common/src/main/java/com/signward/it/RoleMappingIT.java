package com.signward.it;

import com.signward.it.support.AuthzWars;
import com.signward.it.support.Expect;
import com.signward.it.support.Http;
import com.signward.it.support.MockIdp;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Role mapping, applied once where the user is built: roles from nested claims (Keycloak's shape), the
 * {@code ROLE_} prefix for {@code @RolesAllowed}, and {@code owner → admin,owner}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoleMappingIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AuthzWars.war("signward-mapping", "com.signward.it.authz", AuthzWars.config(
                "signward.roles.claim", "realm_access/roles",
                "signward.custom-roles.claim", "resource_access/" + MockIdp.CLIENT_ID + "/roles",
                "signward.roles.prefix", "ROLE_",
                "signward.roles.map.owner", "admin,owner"));
    }

    private static String token(List<String> realmRoles, List<String> clientRoles) {
        return AuthzWars.token(UUID.randomUUID().toString(), Map.of(
                "realm_access", Map.of("roles", realmRoles),
                "resource_access", Map.of(MockIdp.CLIENT_ID, Map.of("roles", clientRoles), "other", Map.of("roles",
                        List.of("admin"))),
                "roles", List.of("admin")));
    }

    private Http.Response get(String path, String token) {
        return new Http(base).get(path, token);
    }

    @Test
    void rolesComeFromTheNestedClaimsRawAndMapped() {
        JsonObject who = Expect.ok(get("api/who", token(List.of("owner", "offline_access"), List.of("billing"))));
        assertEquals(List.of("owner", "offline_access"), strings(who, "roles"), "the raw claim");
        assertEquals(List.of("billing"), strings(who, "customRoles"));
        assertEquals(Set.of("ROLE_admin", "ROLE_owner", "ROLE_offline_access", "ROLE_billing"),
                Set.copyOf(strings(who, "groups")));
    }

    @Test
    void rolesAllowedSeesThePrefixedMappedGroups() {
        Expect.ok(get("api/mapped/rolesallowed", token(List.of("owner"), List.of())));
        Expect.ok(get("api/mapped/rolesallowed", token(List.of("admin"), List.of())));
        Expect.ok(get("api/mapped/rolesallowed", token(List.of("Owner"), List.of())));
        Expect.forbidden(get("api/mapped/rolesallowed", token(List.of("user"), List.of())));
        // the top-level roles claim and other clients' roles are not read
        Expect.forbidden(get("api/roles/rolesallowed", token(List.of("admin"), List.of())));
    }

    @Test
    void requiresRolesSeesTheMappedRolesWithoutPrefix() {
        Expect.ok(get("api/mapped/requiresroles", token(List.of("owner"), List.of())));
        Expect.forbidden(get("api/mapped/requiresroles", token(List.of("admin"), List.of())));
    }

    @Test
    void theContainerSeesTheSameGroups() {
        JsonObject who = Expect.ok(get("api/who?role=ROLE_admin&role=admin&role=ROLE_owner",
                token(List.of("owner"), List.of())));
        JsonObject inRole = who.getJsonObject("inRole");
        assertEquals(true, inRole.getBoolean("ROLE_admin"), who::toString);
        assertEquals(true, inRole.getBoolean("ROLE_owner"), who::toString);
        assertEquals(false, inRole.getBoolean("admin"), who::toString);
    }

    private static List<String> strings(JsonObject json, String key) {
        return json.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.toList());
    }
}
