package com.signward.idserver.internal.jwt;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The one claim reader of the SDK. Converts claims (JSON-P {@link JsonValue}s or plain Java values) into plain,
 * serializable Java: {@code String}, {@code Boolean}, {@code Long}, {@code BigInteger}, {@code BigDecimal},
 * {@code Double}, unmodifiable {@code List} and {@code Map}, or {@code null} (anything else becomes its string form),
 * and reads typed values from such maps. Used by the token rules, the user model and the browser login alike.
 */
public final class ClaimValues {
    /** 9999-12-31T23:59:59Z: later NumericDates are treated as malformed. */
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(253_402_300_799L);

    private ClaimValues() {
    }

    /** @return an unmodifiable plain copy; a map this method returned before is returned as is */
    public static Map<String, Object> plainMap(Map<String, ?> source) {
        if (source instanceof Plain plain) {
            return plain;
        }
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        source.forEach((key, value) -> result.put(key, plain(value)));
        return new Plain(result);
    }

    /** Wraps a map whose values are already plain (the streaming reader builds them so). */
    static Map<String, Object> plainOf(LinkedHashMap<String, Object> values) {
        return new Plain(values);
    }

    static Object plain(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonValue json) {
            return fromJson(json);
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof BigInteger || value instanceof BigDecimal || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), plain(v)));
            return new Plain(result);
        }
        if (value instanceof Collection<?> collection) {
            return plainList(collection);
        }
        if (value instanceof Object[] array) {
            return plainList(Arrays.asList(array));
        }
        return value.toString();
    }

    private static List<Object> plainList(Collection<?> values) {
        List<Object> result = new ArrayList<>(values.size());
        for (Object v : values) {
            result.add(plain(v));
        }
        return Collections.unmodifiableList(result);
    }

    private static Object fromJson(JsonValue value) {
        switch (value.getValueType()) {
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
                JsonNumber n = (JsonNumber) value;
                if (!n.isIntegral()) {
                    return n.bigDecimalValue();
                }
                BigInteger big = n.bigIntegerValue();
                return big.bitLength() < 64 ? (Object) big.longValue() : big;
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case OBJECT:
                LinkedHashMap<String, Object> result = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> result.put(k, fromJson(v)));
                return new Plain(result);
            case ARRAY:
                return plainList(value.asJsonArray());
            default:
                return null;
        }
    }

    /** A string claim, or {@code null} when absent or not a string. */
    public static String string(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String s ? s : null;
    }

    /** A boolean claim; also accepts the strings {@code "true"} and {@code "false"}. */
    public static Boolean bool(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equalsIgnoreCase(String.valueOf(v))) {
            return Boolean.TRUE;
        }
        return "false".equalsIgnoreCase(String.valueOf(v)) ? Boolean.FALSE : null;
    }

    /** A UUID claim, or {@code null} when absent or not a UUID. */
    public static UUID uuid(Map<String, Object> claims, String name) {
        String v = string(claims, name);
        if (v == null || v.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A string-or-array claim as a list of non-blank, stripped strings (roles); a single string is a one-element
     * list.
     */
    public static List<String> stringList(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        List<String> result = new ArrayList<>();
        if (v instanceof String) {
            addStripped(result, v);
        } else if (v instanceof List<?> list) {
            for (Object element : list) {
                addStripped(result, element);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * As {@link #stringList(Map, String)}, for a claim name or a path through nested objects: a top-level claim of
     * exactly that name wins; otherwise {@code /} separates the names of nested objects, e.g.
     * {@code realm_access/roles} or {@code resource_access/my-client/roles}. A missing step gives an empty list.
     */
    public static List<String> stringListAt(Map<String, Object> claims, String path) {
        if (claims.containsKey(path) || path.indexOf('/') < 0) {
            return stringList(claims, path);
        }
        Map<String, Object> current = claims;
        String[] steps = path.split("/", -1);
        for (int i = 0; i < steps.length - 1; i++) {
            if (!(current.get(steps[i]) instanceof Map<?, ?> next)) {
                return List.of();
            }
            @SuppressWarnings("unchecked") // plain maps have String keys
            Map<String, Object> object = (Map<String, Object>) next;
            current = object;
        }
        return stringList(current, steps[steps.length - 1]);
    }

    private static void addStripped(List<String> target, Object value) {
        if (value instanceof String s && !s.isBlank()) {
            target.add(s.strip());
        }
    }

    /** Whether a string-or-array claim ({@code aud}) holds exactly {@code value}. */
    public static boolean contains(Map<String, Object> claims, String name, String value) {
        Object v = claims.get(name);
        if (v instanceof String s) {
            return s.equals(value);
        }
        return v instanceof List<?> list && list.contains(value);
    }

    /** How many values a string-or-array claim has (0 when absent). */
    static int count(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        return v instanceof List<?> list ? list.size() : v == null ? 0 : 1;
    }

    /**
     * A NumericDate claim (seconds since the epoch; fractions dropped).
     *
     * @return the instant, or {@code null} when absent
     * @throws TokenRejectedException "malformed claim" when not a number in 0 .. year 9999
     */
    public static Instant numericDate(Map<String, Object> claims, String name) throws TokenRejectedException {
        Object value = claims.get(name);
        if (value == null) {
            return null;
        }
        BigDecimal seconds;
        if (value instanceof Long l) {
            seconds = BigDecimal.valueOf(l);
        } else if (value instanceof BigInteger b) {
            seconds = new BigDecimal(b);
        } else if (value instanceof BigDecimal d) {
            seconds = d;
        } else {
            throw Rejections.reject(Rejections.malformedClaim(name));
        }
        if (seconds.signum() < 0 || seconds.compareTo(MAX_SECONDS) > 0) { // compared before any scaling
            throw Rejections.reject(Rejections.malformedClaim(name));
        }
        return Instant.ofEpochSecond(seconds.setScale(0, RoundingMode.DOWN).longValue());
    }

    /** The unmodifiable, serializable map of plain claims this class returns; recognised so it is not copied again. */
    private static final class Plain extends AbstractMap<String, Object> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final LinkedHashMap<String, Object> values;

        Plain(LinkedHashMap<String, Object> values) {
            this.values = values;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Collections.unmodifiableMap(values).entrySet();
        }

        @Override
        public Object get(Object key) {
            return values.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return values.containsKey(key);
        }

        @Override
        public int size() {
            return values.size();
        }
    }
}
