package com.signward.idserver;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a user's role claims become the roles its checks see and the groups the container sees, applied once where
 * the {@link SignwardUser} is built. Immutable and thread-safe.
 * <ul>
 *   <li><b>renames</b> ({@code signward.roles.map.<from>=<to>[,<to>]}): a role named {@code from} (compared with the
 *       {@link RoleRule}) is replaced by the {@code to} roles, e.g. {@code owner → admin,owner}; other roles stay.
 *       {@link SignwardUser#hasRole} and {@code @RequiresRoles} see the renamed roles;</li>
 *   <li><b>prefix</b> ({@code signward.roles.prefix}, e.g. {@code ROLE_}): put before every renamed role in
 *       {@link SignwardUser#groups()}, the names {@code @RolesAllowed} and servlet constraints compare with;</li>
 *   <li><b>include custom</b> ({@code signward.roles.include-custom}): whether custom roles become groups too.</li>
 * </ul>
 * {@link SignwardUser#roles()} and {@link SignwardUser#customRoles()} always keep the raw claims.
 */
public final class RoleMapping implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final RoleMapping NONE = new RoleMapping(new Builder());

    private final String prefix;
    private final boolean includeCustom;
    private final Map<String, List<String>> renames;

    private RoleMapping(Builder b) {
        this.prefix = b.prefix;
        this.includeCustom = b.includeCustom;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        b.renames.forEach((from, to) -> copy.put(from, List.copyOf(to)));
        this.renames = Collections.unmodifiableMap(copy);
    }

    /** @return no renames, no prefix, custom roles included: the groups are the roles as the token spells them */
    public static RoleMapping none() {
        return NONE;
    }

    /** @return a builder starting from {@link #none()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the prefix put before every group ({@code ""} for none) */
    public String prefix() {
        return prefix;
    }

    /** @return whether custom roles become groups */
    public boolean includeCustom() {
        return includeCustom;
    }

    /** @return the renames, {@code from → to} (unmodifiable) */
    public Map<String, List<String>> renames() {
        return renames;
    }

    /** The roles after the renames (order kept, duplicates dropped). */
    List<String> rename(List<String> roles) {
        if (renames.isEmpty()) {
            return roles;
        }
        Set<String> result = new LinkedHashSet<>();
        for (String role : roles) {
            result.addAll(renamesOf(role));
        }
        return List.copyOf(result);
    }

    private List<String> renamesOf(String role) {
        for (Map.Entry<String, List<String>> rename : renames.entrySet()) {
            if (RoleRule.same(rename.getKey(), role)) {
                return rename.getValue();
            }
        }
        return List.of(role);
    }

    /** The groups of renamed roles: built-in, then custom when included, each with the prefix. */
    Set<String> groups(List<String> roles, List<String> customRoles) {
        Set<String> groups = new LinkedHashSet<>();
        roles.forEach(role -> groups.add(prefix + role));
        if (includeCustom) {
            customRoles.forEach(role -> groups.add(prefix + role));
        }
        return Collections.unmodifiableSet(groups);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleMapping other && prefix.equals(other.prefix) && includeCustom == other.includeCustom
                && renames.equals(other.renames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, includeCustom, renames);
    }

    @Override
    public String toString() {
        return "RoleMapping[prefix=" + prefix + ", includeCustom=" + includeCustom + ", renames=" + renames + "]";
    }

    /** Builds a {@link RoleMapping}. */
    public static final class Builder {
        private String prefix = "";
        private boolean includeCustom = true;
        private final Map<String, List<String>> renames = new LinkedHashMap<>();

        private Builder() {
        }

        /** @param prefix put before every group, e.g. {@code ROLE_} ({@code null} or blank: none) */
        public Builder prefix(String prefix) {
            this.prefix = prefix == null ? "" : prefix.strip();
            return this;
        }

        /** @param includeCustom whether custom roles become groups (default {@code true}) */
        public Builder includeCustom(boolean includeCustom) {
            this.includeCustom = includeCustom;
            return this;
        }

        /**
         * @param from a role name as tokens carry it (compared with the {@link RoleRule})
         * @param to   the roles it becomes (at least one; include {@code from} to keep it)
         */
        public Builder map(String from, List<String> to) {
            String name = nonBlank(from);
            List<String> targets = new ArrayList<>();
            for (String role : Objects.requireNonNull(to, "to")) {
                targets.add(nonBlank(role));
            }
            if (targets.isEmpty()) {
                throw new InvalidOptionException("roleMapping", "role '" + name + "' is mapped to no role");
            }
            renames.keySet().stream().filter(existing -> RoleRule.same(existing, name)).findFirst()
                    .ifPresent(existing -> {
                        throw new InvalidOptionException("roleMapping", "role '" + name + "' is mapped twice");
                    });
            renames.put(name, targets);
            return this;
        }

        /** @return the mapping */
        public RoleMapping build() {
            return new RoleMapping(this);
        }

        private static String nonBlank(String role) {
            if (role == null || role.isBlank()) {
                throw new InvalidOptionException("roleMapping", "role names must not be blank");
            }
            return role.strip();
        }
    }
}
