package com.signward.idserver.jakarta.internal;

import com.signward.idserver.InvalidOptionException;
import com.signward.idserver.SignwardOptions;
import com.signward.idserver.internal.oidc.Urls;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The named tenant configurations, {@code signward.tenants.<name>.<authority|client-id|client-secret|audience|issuer>},
 * found among the configuration's property names. Each starts from the unnamed {@code signward.*} configuration
 * (timeouts, algorithms, role claims and mapping, …) and replaces those five: they are never inherited (no secret of
 * one authority is sent to another), unset ones take their documented defaults. {@code signward.tenants.allowed} is
 * the tenant-id allow-list, not a tenant. Two configurations expecting the same issuer are refused: routing by
 * {@code iss} must be unambiguous.
 */
final class TenantSettings {

    static final String PREFIX = "signward.tenants.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> RESERVED = Set.of("allowed", SignwardOptions.DEFAULT_TENANT);
    private static final Map<String, ConfigKey> PROPERTIES = Map.of(
            "authority", ConfigKey.TENANT_AUTHORITY, "client-id", ConfigKey.TENANT_CLIENT_ID,
            "client-secret", ConfigKey.TENANT_CLIENT_SECRET, "audience", ConfigKey.TENANT_AUDIENCE,
            "issuer", ConfigKey.TENANT_ISSUER);
    /** Builder options of the five tenant keys, by the key's property. */
    private static final Map<String, String> OPTIONS = Map.of("authority", "authority", "clientId", "client-id",
            "clientSecret", "client-secret", "audience", "audience", "issuer", "issuer");

    private TenantSettings() {
    }

    /**
     * @param defaults the unnamed configuration as read (its options)
     * @return the named tenants' options by name, sorted; empty when there are none
     * @throws ConfigException naming the key that is invalid
     */
    static Map<String, SignwardOptions> read(ConfigValues values, Iterable<String> propertyNames,
                                             SignwardOptions defaults) {
        Set<String> names = new TreeSet<>();
        for (String property : propertyNames) {
            String name = tenantOf(property);
            if (name != null) {
                names.add(name);
            }
        }
        Map<String, SignwardOptions> tenants = new LinkedHashMap<>();
        Map<String, String> issuers = new TreeMap<>();
        issuers.put(expectedIssuer(defaults), "the unnamed signward.* configuration");
        for (String name : names) {
            SignwardOptions options = build(values, propertyNames, name);
            String issuer = expectedIssuer(options);
            issuers.forEach((other, owner) -> {
                if (Urls.sameIssuer(other, issuer)) {
                    throw new ConfigException(key(name, "issuer") + ": tenant " + name + " expects the issuer of "
                            + owner + " (" + issuer + "); tokens must name one configuration");
                }
            });
            issuers.put(issuer, "tenant " + name);
            tenants.put(name, options);
        }
        return Collections.unmodifiableMap(tenants);
    }

    /** The {@code iss} a configuration's tokens carry: {@code issuer} when set, else the authority. */
    static String expectedIssuer(SignwardOptions options) {
        return options.issuer() != null ? options.issuer() : options.authority();
    }

    /** The tenant a property belongs to, or {@code null} when it is no tenant key; refuses malformed ones. */
    private static String tenantOf(String property) {
        if (!property.startsWith(PREFIX) || property.equals(ConfigKey.TENANTS_ALLOWED.key())) {
            return null;
        }
        String rest = property.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            throw new ConfigException(property + ": unknown key; tenants are configured as "
                    + "signward.tenants.<name>.authority (and client-id, client-secret, audience, issuer)");
        }
        String name = rest.substring(0, dot);
        if (RESERVED.contains(name)) {
            throw new ConfigException(property + ": '" + name + "' cannot name a tenant (reserved)");
        }
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException(property + ": a tenant name is 1 to 64 of A-Z, a-z, 0-9, _ and -");
        }
        if (!PROPERTIES.containsKey(rest.substring(dot + 1))) {
            throw new ConfigException(property + ": unknown tenant key; use one of " + new TreeSet<>(
                    PROPERTIES.keySet()));
        }
        return name;
    }

    private static SignwardOptions build(ConfigValues values, Iterable<String> propertyNames, String name) {
        String authority = values.raw(key(name, "authority"))
                .orElseThrow(() -> new ConfigException(key(name, "authority") + ": is required for tenant " + name));
        String clientId = values.raw(key(name, "client-id"))
                .orElseThrow(() -> new ConfigException(key(name, "client-id") + ": is required for tenant " + name));
        try {
            return SignwardDeployment.defaultTenant(values, propertyNames)
                    .tenantName(name)
                    .authority(authority)
                    .clientId(clientId)
                    .clientSecret(values.raw(key(name, "client-secret")).orElse(null))
                    .audience(values.raw(key(name, "audience")).orElse(ConfigKey.TENANT_AUDIENCE.defaultValue()))
                    .issuer(values.uriOf(key(name, "issuer")).map(Object::toString).orElse(null))
                    .build();
        } catch (InvalidOptionException e) {
            String property = OPTIONS.get(e.option());
            throw property != null ? new ConfigException(key(name, property) + ": " + e.getMessage())
                    : new ConfigException("tenant " + name + ": " + e.getMessage());
        }
    }

    /** The property name of one tenant key, e.g. {@code signward.tenants.b.authority}. */
    static String key(String name, String property) {
        return PREFIX + name + "." + property;
    }
}
