package com.signward.it.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Signward user as the tests put it into tokens: the standard claims, roles and custom roles.
 * Immutable; the {@code with…} methods return changed copies.
 *
 * @param sub         the user id (a UUID string)
 * @param email       email, or {@code null}
 * @param name        display name, or {@code null} to let the SDK build it from the given and family names
 * @param givenName   given name, or {@code null}
 * @param familyName  family name, or {@code null}
 * @param tenantId    tenant id (a UUID string)
 * @param roles       the {@code roles} claim: a {@code List<String>} or a single {@code String}
 * @param customRoles the {@code custom_roles} claim: a {@code List<String>} or a single {@code String}
 */
public record TestUser(String sub, String email, String name, String givenName, String familyName,
                       String tenantId, Object roles, Object customRoles) {

    /** A user with fresh ids, names derived from {@code first}, role {@code user} and no custom role. */
    public static TestUser named(String first) {
        String given = Character.toUpperCase(first.charAt(0)) + first.substring(1);
        return new TestUser(UUID.randomUUID().toString(), first + "@example.test", given + " Tester", given, "Tester",
                UUID.randomUUID().toString(), List.of("user"), List.of());
    }

    /** Built-in roles (the {@code roles} claim as an array). */
    public TestUser withRoles(String... values) {
        return new TestUser(sub, email, name, givenName, familyName, tenantId, List.of(values), customRoles);
    }

    /** Custom roles (the {@code custom_roles} claim as an array). */
    public TestUser withCustomRoles(String... values) {
        return new TestUser(sub, email, name, givenName, familyName, tenantId, roles, List.of(values));
    }

    /** The {@code custom_roles} claim as a single string. */
    public TestUser withCustomRoleString(String value) {
        return new TestUser(sub, email, name, givenName, familyName, tenantId, roles, value);
    }

    /** Without a {@code name} claim. */
    public TestUser withoutName() {
        return new TestUser(sub, email, null, givenName, familyName, tenantId, roles, customRoles);
    }

    /** The claims of this user besides iss, aud, sub, iat, nbf, exp. */
    public Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (email != null) {
            claims.put("email", email);
            claims.put("email_verified", true);
        }
        if (name != null) {
            claims.put("name", name);
        }
        if (givenName != null) {
            claims.put("given_name", givenName);
        }
        if (familyName != null) {
            claims.put("family_name", familyName);
        }
        claims.put("tenant_id", tenantId);
        claims.put("roles", roles);
        claims.put("custom_roles", customRoles);
        claims.put("department", "engineering");
        return claims;
    }
}
