package com.signward.idserver.jakarta.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, strict reading of {@link ConfigKey} values from a raw lookup (MicroProfile Config in production). The
 * typed readers answer only what the application set: an unset key leaves the builder's default in place.
 */
final class ConfigValues {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private final Function<String, Optional<String>> lookup;

    ConfigValues(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** The value the application set, ignoring the documented default. */
    Optional<String> explicit(ConfigKey key) {
        return raw(key.key());
    }

    /** A key the integration itself defaults (no builder behind it): the set value, else the documented default. */
    String withDefault(ConfigKey key) {
        return explicit(key).or(() -> Optional.ofNullable(key.defaultValue()))
                .orElseThrow(() -> new ConfigException(key, "is required but not set"));
    }

    String required(ConfigKey key) {
        return explicit(key).orElseThrow(() -> new ConfigException(key, "is required but not set"));
    }

    Optional<Boolean> bool(ConfigKey key) {
        return explicit(key).map(value -> parseBool(key, value));
    }

    boolean boolWithDefault(ConfigKey key) {
        return parseBool(key, withDefault(key));
    }

    private static boolean parseBool(ConfigKey key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key, "must be true or false");
        };
    }

    Optional<Duration> duration(ConfigKey key) {
        return explicit(key).map(value -> {
            try {
                Duration parsed = value.regionMatches(true, 0, "P", 0, 1) ? Duration.parse(value)
                        : simpleDuration(value);
                if (parsed.isNegative()) {
                    throw new ConfigException(key, "must not be negative");
                }
                return parsed;
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new ConfigException(key, "is not a duration (use e.g. 10s, 500ms, 5m, 24h or PT10S)");
            }
        });
    }

    Optional<Integer> integer(ConfigKey key) {
        return explicit(key).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "must be a whole number");
            }
        });
    }

    Optional<List<String>> list(ConfigKey key) {
        return listOf(key.key());
    }

    /** A raw value by property name (for key families such as {@code signward.roles.map.<from>}). */
    Optional<String> raw(String name) {
        return lookup.apply(name).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** A comma-separated value by property name. */
    Optional<List<String>> listOf(String name) {
        return raw(name).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList());
    }

    Optional<Set<String>> set(ConfigKey key) {
        return list(key).map(LinkedHashSet::new);
    }

    Optional<URI> uri(ConfigKey key) {
        return uriOf(key.key());
    }

    /** An absolute URL by property name (for key families such as {@code signward.tenants.<name>.issuer}). */
    Optional<URI> uriOf(String name) {
        return raw(name).map(v -> {
            try {
                URI uri = new URI(v);
                if (!uri.isAbsolute() || uri.getHost() == null) {
                    throw new ConfigException(name + ": must be an absolute http(s) URL");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new ConfigException(name + ": is not a valid URL");
            }
        });
    }

    private static Duration simpleDuration(String value) {
        Matcher m = SIMPLE_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new DateTimeParseException("not a duration", value, 0);
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
