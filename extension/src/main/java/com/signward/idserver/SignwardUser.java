package com.signward.idserver;

import com.signward.idserver.internal.jwt.ClaimValues;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A Signward user, built from the claims of a validated access token or of a userinfo response.
 * Immutable, thread-safe and {@link Serializable} (claims are held as plain Java values).
 *
 * <p>Role checks ({@link #hasRole}, {@link #hasAnyRole}, {@link #hasAllRoles}) follow the {@link RoleRule} (ASCII
 * letters compare case-insensitively, nothing else is folded), see the roles after the {@link RoleMapping}'s renames
 * and, unless told otherwise, count custom roles as well as built-in ones. {@link #roles()} and
 * {@link #customRoles()} keep the raw claims; {@link #groups()} gives the names the container compares with.
 */
public class SignwardUser implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final SignwardUser ANONYMOUS =
            new SignwardUser(Map.of(), "roles", "custom_roles", RoleMapping.none(), false, null);

    private final boolean authenticated;
    private final Map<String, Object> claims;
    private final UUID userId;
    private final String email;
    private final Boolean emailVerified;
    private final String name;
    private final String givenName;
    private final String familyName;
    private final UUID tenantId;
    private final List<String> roles;
    private final List<String> customRoles;
    private final List<String> mappedRoles;
    private final List<String> mappedCustomRoles;
    private final Set<String> groups;
    /** {@code null} for users serialized before tenant names existed: read as the default. */
    private final String tenantName;

    /**
     * For CDI client proxies only (the Jakarta integration produces a request-scoped {@code SignwardUser}); gives the
     * anonymous user. Applications use {@link #fromClaims(Map)} or {@link #anonymous()}.
     */
    protected SignwardUser() {
        this(Map.of(), "roles", "custom_roles", RoleMapping.none(), false, null);
    }

    private SignwardUser(Map<String, ?> source, String rolesClaim, String customRolesClaim, RoleMapping mapping,
                         boolean authenticated, String tenantName) {
        this.authenticated = authenticated;
        this.tenantName = tenantName;
        this.claims = ClaimValues.plainMap(source);
        this.userId = ClaimValues.uuid(claims, "sub");
        this.email = ClaimValues.string(claims, "email");
        this.emailVerified = ClaimValues.bool(claims, "email_verified");
        this.givenName = ClaimValues.string(claims, "given_name");
        this.familyName = ClaimValues.string(claims, "family_name");
        this.name = displayName(ClaimValues.string(claims, "name"), givenName, familyName);
        this.tenantId = ClaimValues.uuid(claims, "tenant_id");
        this.roles = ClaimValues.stringListAt(claims, rolesClaim);
        this.customRoles = ClaimValues.stringListAt(claims, customRolesClaim);
        this.mappedRoles = mapping.rename(roles);
        this.mappedCustomRoles = mapping.rename(customRoles);
        this.groups = mapping.groups(mappedRoles, mappedCustomRoles);
    }

    private static String displayName(String name, String given, String family) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        String joined = ((given == null ? "" : given.strip()) + " " + (family == null ? "" : family.strip())).strip();
        return joined.isEmpty() ? null : joined;
    }

    /**
     * Builds an authenticated user from claims, reading roles from {@code roles} and {@code custom_roles}.
     *
     * @param claims token or userinfo claims; values may be JSON-P {@code JsonValue}s (a {@code JsonObject}
     *               is such a map) or plain Java values
     * @return the user
     */
    public static SignwardUser fromClaims(Map<String, ?> claims) {
        return fromClaims(claims, "roles", "custom_roles");
    }

    /**
     * Builds an authenticated user from claims, reading roles from the given claims.
     *
     * @param claims           token or userinfo claims (JSON-P values or plain Java values)
     * @param rolesClaim       the claim holding built-in roles (a string or an array of strings), or a path to it
     *                         through nested objects such as {@code realm_access/roles}
     * @param customRolesClaim the claim holding custom roles, or a path to it
     * @return the user
     */
    public static SignwardUser fromClaims(Map<String, ?> claims, String rolesClaim, String customRolesClaim) {
        return fromClaims(claims, rolesClaim, customRolesClaim, RoleMapping.none());
    }

    /**
     * Builds an authenticated user from claims, reading roles from the given claims (or paths) and applying a role
     * mapping.
     *
     * @param claims           token or userinfo claims (JSON-P values or plain Java values)
     * @param rolesClaim       the claim (or {@code /}-separated path) holding built-in roles
     * @param customRolesClaim the claim (or path) holding custom roles
     * @param mapping          renames, prefix and whether custom roles become groups
     * @return the user
     */
    public static SignwardUser fromClaims(Map<String, ?> claims, String rolesClaim, String customRolesClaim,
                                          RoleMapping mapping) {
        Objects.requireNonNull(claims, "claims");
        return new SignwardUser(claims, Objects.requireNonNull(rolesClaim, "rolesClaim"),
                Objects.requireNonNull(customRolesClaim, "customRolesClaim"),
                Objects.requireNonNull(mapping, "mapping"), true, null);
    }

    /**
     * Builds an authenticated user from claims as a {@link SignwardClient} with these options does: their role
     * claims, role mapping and {@link SignwardOptions#tenantName() tenant name}.
     *
     * @param claims  token or userinfo claims (JSON-P values or plain Java values)
     * @param options the configuration that authenticated the user
     * @return the user
     */
    public static SignwardUser fromClaims(Map<String, ?> claims, SignwardOptions options) {
        Objects.requireNonNull(claims, "claims");
        return new SignwardUser(claims, options.rolesClaim(), options.customRolesClaim(), options.roleMapping(), true,
                options.tenantName());
    }

    /** @return the user of a request without a (valid) token: no claims, no roles, not authenticated */
    public static SignwardUser anonymous() {
        return ANONYMOUS;
    }

    /** @return {@code true} for every user built from claims, {@code false} only for {@link #anonymous()} */
    public boolean isAuthenticated() {
        return authenticated;
    }

    /**
     * @return the {@code sub} claim as a UUID, or {@code null} when it is absent or not a UUID
     *         (the raw value stays available in {@link #claims()})
     */
    public UUID userId() {
        return userId;
    }

    /** @return the {@code email} claim, or {@code null} */
    public String email() {
        return email;
    }

    /** @return the {@code email_verified} claim, or {@code null} when absent */
    public Boolean emailVerified() {
        return emailVerified;
    }

    /** @return the {@code name} claim; when absent, given and family name joined by a space; else {@code null} */
    public String name() {
        return name;
    }

    /** @return the {@code given_name} claim, or {@code null} */
    public String givenName() {
        return givenName;
    }

    /** @return the {@code family_name} claim, or {@code null} */
    public String familyName() {
        return familyName;
    }

    /**
     * The configuration that authenticated this user when the application trusts several Signward authorities
     * ({@code signward.tenants.<name>.*}): its name, or {@value SignwardOptions#DEFAULT_TENANT} for the unnamed
     * {@code signward.*} configuration (and for users not built by a client). Not the {@code tenant_id} claim: see
     * {@link #tenantId()}.
     *
     * @return the tenant configuration's name; {@code null} only for {@link #anonymous()}
     */
    public String tenantName() {
        if (!authenticated) {
            return null;
        }
        return tenantName == null ? SignwardOptions.DEFAULT_TENANT : tenantName;
    }

    /**
     * @return the {@code tenant_id} claim as a UUID, or {@code null} when it is absent or not a UUID
     *         (the raw value stays available in {@link #claims()})
     */
    public UUID tenantId() {
        return tenantId;
    }

    /**
     * @return built-in roles as the claim holds them, before any {@link RoleMapping} (unmodifiable; a single string
     *         claim gives a one-element list)
     */
    public List<String> roles() {
        return roles;
    }

    /** @return per-tenant custom roles as the claim holds them, before any {@link RoleMapping} (unmodifiable) */
    public List<String> customRoles() {
        return customRoles;
    }

    /**
     * The groups of this user: the roles after the {@link RoleMapping} (renamed, with its prefix; custom roles
     * unless the mapping leaves them out). These are the names {@code @RolesAllowed}, {@code isUserInRole} and servlet
     * constraints compare with, and {@code JsonWebToken.getGroups()}. Without a mapping: roles and custom roles as
     * the token spells them.
     *
     * @return the groups (unmodifiable)
     */
    public Set<String> groups() {
        return groups;
    }

    /**
     * @param group a group name, e.g. from {@code @RolesAllowed}
     * @return whether {@link #groups()} holds it under the {@link RoleRule}
     */
    public boolean inGroup(String group) {
        return group != null && RoleRule.contains(groups, group);
    }

    /**
     * @return every claim as plain Java values ({@code String}, {@code Boolean}, {@code Long},
     *         {@code BigInteger}, {@code BigDecimal}, {@code Double}, {@code List}, {@code Map}); unmodifiable
     */
    public Map<String, Object> claims() {
        return claims;
    }

    /**
     * @param role a role name (ASCII letters case-insensitive, see {@link RoleRule})
     * @return whether the user holds it as a built-in or custom role
     */
    public boolean hasRole(String role) {
        return hasAnyRole(true, role);
    }

    /**
     * @param role          a role name (ASCII letters case-insensitive, see {@link RoleRule})
     * @param includeCustom whether custom roles count
     * @return whether the user holds the role
     */
    public boolean hasRole(String role, boolean includeCustom) {
        return hasAnyRole(includeCustom, role);
    }

    /**
     * @param role a role name (ASCII letters case-insensitive, see {@link RoleRule})
     * @return whether the user holds it as a custom role
     */
    public boolean hasCustomRole(String role) {
        return RoleRule.matches(List.of(), mappedCustomRoles, true, false, role);
    }

    /**
     * @param roles role names (ASCII letters case-insensitive, see {@link RoleRule})
     * @return whether the user holds at least one of them, built-in or custom ({@code false} for no names)
     */
    public boolean hasAnyRole(String... roles) {
        return hasAnyRole(true, roles);
    }

    /**
     * @param includeCustom whether custom roles count
     * @param roles         role names (ASCII letters case-insensitive, see {@link RoleRule})
     * @return whether the user holds at least one of them ({@code false} for no names)
     */
    public boolean hasAnyRole(boolean includeCustom, String... roles) {
        return RoleRule.matches(mappedRoles, mappedCustomRoles, includeCustom, false, roles);
    }

    /**
     * @param roles role names (ASCII letters case-insensitive, see {@link RoleRule})
     * @return whether the user holds every one of them, built-in or custom ({@code true} for no names)
     */
    public boolean hasAllRoles(String... roles) {
        return hasAllRoles(true, roles);
    }

    /**
     * @param includeCustom whether custom roles count
     * @param roles         role names (ASCII letters case-insensitive, see {@link RoleRule})
     * @return whether the user holds every one of them ({@code true} for no names)
     */
    public boolean hasAllRoles(boolean includeCustom, String... roles) {
        return RoleRule.matches(mappedRoles, mappedCustomRoles, includeCustom, true, roles);
    }

    private Object readResolve() {
        return authenticated ? this : ANONYMOUS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignwardUser other && authenticated == other.authenticated
                && claims.equals(other.claims) && roles.equals(other.roles) && customRoles.equals(other.customRoles)
                && mappedRoles.equals(other.mappedRoles) && mappedCustomRoles.equals(other.mappedCustomRoles)
                && groups.equals(other.groups) && Objects.equals(tenantName(), other.tenantName());
    }

    @Override
    public int hashCode() {
        return Objects.hash(authenticated, claims, roles, customRoles, groups);
    }

    /** Shows the user id and roles only (claims may hold personal data). */
    @Override
    public String toString() {
        if (!authenticated) {
            return "SignwardUser[anonymous]";
        }
        return "SignwardUser[userId=" + (userId != null ? userId : claims.get("sub"))
                + ", roles=" + roles + ", customRoles=" + customRoles + "]";
    }
}
