package com.signward.idserver.jakarta.internal;

import com.signward.idserver.RoleMapping;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The authorization keys: the role mapping ({@code signward.roles.prefix}, {@code signward.roles.map.<from>},
 * {@code signward.roles.include-custom}) and the tenant allow-list ({@code signward.tenants.allowed}).
 */
final class AuthorizationSettings {

    static final String MAP_PREFIX = "signward.roles.map.";
    /** The key's former name, refused so that a renamed setting is not silently ignored. */
    static final String OLD_CUSTOM_ROLES_CLAIM = "signward.roles.custom-claim";

    private AuthorizationSettings() {
    }

    static RoleMapping roleMapping(ConfigValues values, Iterable<String> propertyNames) {
        if (values.raw(OLD_CUSTOM_ROLES_CLAIM).isPresent()) {
            throw new ConfigException(OLD_CUSTOM_ROLES_CLAIM + ": renamed to " + ConfigKey.ROLES_CUSTOM_CLAIM.key());
        }
        RoleMapping.Builder mapping = RoleMapping.builder()
                .includeCustom(values.boolWithDefault(ConfigKey.ROLES_INCLUDE_CUSTOM));
        values.explicit(ConfigKey.ROLES_PREFIX).ifPresent(mapping::prefix);
        Set<String> names = new TreeSet<>();
        propertyNames.forEach(names::add);
        for (String name : names) {
            if (name.startsWith(MAP_PREFIX)) {
                String from = name.substring(MAP_PREFIX.length());
                List<String> to = values.listOf(name).orElse(List.of());
                if (from.isBlank() || to.isEmpty()) {
                    throw new ConfigException(name + ": must be signward.roles.map.<role>=<role>[,<role>...]");
                }
                mapping.map(from, to);
            }
        }
        return mapping.build();
    }

    /** The allowed tenants, or {@code null} when any tenant is allowed. */
    static Set<UUID> allowedTenants(ConfigValues values) {
        return values.list(ConfigKey.TENANTS_ALLOWED).map(ids -> {
            Set<UUID> tenants = new LinkedHashSet<>();
            for (String id : ids) {
                UUID tenant = Tenants.parse(id);
                if (tenant == null) {
                    throw new ConfigException(ConfigKey.TENANTS_ALLOWED, "'" + id + "' is not a tenant id (a UUID)");
                }
                tenants.add(tenant);
            }
            return Collections.unmodifiableSet(tenants);
        }).orElse(null);
    }
}
