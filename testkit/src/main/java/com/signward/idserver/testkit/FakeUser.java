package com.signward.idserver.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A Signward user as {@link FakeSignward} signs it in and {@link SignwardTokens} puts it into tokens: user id
 * ({@code sub}), email, names, tenant, roles and custom roles (Signward's claim names), plus any extra claim.
 * Immutable; the {@code with…} methods return changed copies.
 */
public final class FakeUser {

    private final String id;
    private final String email;
    private final String name;
    private final String givenName;
    private final String familyName;
    private final String tenantId;
    private final Object roles;
    private final Object customRoles;
    private final Map<String, Object> extra;

    private FakeUser(String id, String email, String name, String givenName, String familyName, String tenantId,
                     Object roles, Object customRoles, Map<String, Object> extra) {
        this.id = Objects.requireNonNull(id, "id");
        this.email = email;
        this.name = name;
        this.givenName = givenName;
        this.familyName = familyName;
        this.tenantId = tenantId;
        this.roles = roles;
        this.customRoles = customRoles;
        this.extra = Map.copyOf(extra);
    }

    /**
     * A user with a fresh id and tenant, email {@code first@example.test}, names derived from {@code first}
     * (family name "Tester"), role {@code user} and no custom role.
     */
    public static FakeUser named(String first) {
        String given = Character.toUpperCase(first.charAt(0)) + first.substring(1);
        return new FakeUser(UUID.randomUUID().toString(), first + "@example.test", given + " Tester", given, "Tester",
                UUID.randomUUID().toString(), List.of("user"), List.of(), Map.of());
    }

    /** The user id ({@code sub}). */
    public String id() {
        return id;
    }

    /** The email, or {@code null}. */
    public String email() {
        return email;
    }

    /** The display name, or {@code null}. */
    public String name() {
        return name;
    }

    /** The given name, or {@code null}. */
    public String givenName() {
        return givenName;
    }

    /** The family name, or {@code null}. */
    public String familyName() {
        return familyName;
    }

    /** The tenant id, or {@code null}. */
    public String tenantId() {
        return tenantId;
    }

    /** Another user id. */
    public FakeUser withId(String value) {
        return new FakeUser(value, email, name, givenName, familyName, tenantId, roles, customRoles, extra);
    }

    /** Another email ({@code null}: none). */
    public FakeUser withEmail(String value) {
        return new FakeUser(id, value, name, givenName, familyName, tenantId, roles, customRoles, extra);
    }

    /** Another display name ({@code null}: no {@code name} claim). */
    public FakeUser withName(String value) {
        return new FakeUser(id, email, value, givenName, familyName, tenantId, roles, customRoles, extra);
    }

    /** Other given and family names ({@code null}: claim left out). */
    public FakeUser withNames(String given, String family) {
        return new FakeUser(id, email, name, given, family, tenantId, roles, customRoles, extra);
    }

    /** Another tenant ({@code null}: no {@code tenant_id} claim). */
    public FakeUser withTenant(String value) {
        return new FakeUser(id, email, name, givenName, familyName, value, roles, customRoles, extra);
    }

    /** The built-in roles (the {@code roles} claim as an array). */
    public FakeUser withRoles(String... values) {
        return new FakeUser(id, email, name, givenName, familyName, tenantId, List.of(values), customRoles, extra);
    }

    /** The custom roles (the {@code custom_roles} claim as an array). */
    public FakeUser withCustomRoles(String... values) {
        return new FakeUser(id, email, name, givenName, familyName, tenantId, roles, List.of(values), extra);
    }

    /** The {@code custom_roles} claim as a single string (Signward's one-element form). */
    public FakeUser withCustomRoleString(String value) {
        return new FakeUser(id, email, name, givenName, familyName, tenantId, roles, value, extra);
    }

    /** Any further claim (string, number, boolean, list or map); it replaces a standard claim of that name. */
    public FakeUser withClaim(String claim, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(claim, value);
        return new FakeUser(id, email, name, givenName, familyName, tenantId, roles, customRoles, more);
    }

    /**
     * The user's claims as Signward puts them into tokens and the userinfo answer: {@code sub}, {@code email},
     * {@code email_verified}, {@code name}, {@code given_name}, {@code family_name}, {@code tenant_id},
     * {@code roles}, {@code custom_roles} and the extra claims (absent values left out).
     */
    public Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", id);
        put(claims, "email", email);
        if (email != null) {
            claims.put("email_verified", true);
        }
        put(claims, "name", name);
        put(claims, "given_name", givenName);
        put(claims, "family_name", familyName);
        put(claims, "tenant_id", tenantId);
        put(claims, "roles", roles);
        put(claims, "custom_roles", customRoles);
        claims.putAll(extra);
        return claims;
    }

    private static void put(Map<String, Object> claims, String name, Object value) {
        if (value != null) {
            claims.put(name, value);
        }
    }

    @Override
    public String toString() {
        return "FakeUser[" + id + (email == null ? "" : ", " + email) + "]";
    }
}
