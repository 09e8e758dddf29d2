package com.signward.idserver;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Converts claim values (JSON-P {@link JsonValue}s or plain Java values) into plain, serializable Java:
 * {@code String}, {@code Boolean}, {@code Long}, {@code BigInteger}, {@code BigDecimal}, {@code Double},
 * unmodifiable {@code List} and {@code Map}, or {@code null}. Anything else becomes its string form.
 */
final class ClaimValues {

    private ClaimValues() {
    }

    static Map<String, Object> plainMap(Map<String, ?> source) {
        Map<String, Object> result = new LinkedHashMap<>();
        source.forEach((key, value) -> result.put(key, plain(value)));
        return Collections.unmodifiableMap(result);
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
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), plain(v)));
            return Collections.unmodifiableMap(result);
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
                Map<String, Object> result = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> result.put(k, fromJson(v)));
                return Collections.unmodifiableMap(result);
            case ARRAY:
                return plainList(value.asJsonArray());
            default:
                return null;
        }
    }

    /** A string claim, or {@code null} when absent or not a string. */
    static String string(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        return v instanceof String ? (String) v : null;
    }

    /** A boolean claim; also accepts the strings {@code "true"} and {@code "false"}. */
    static Boolean bool(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if ("true".equalsIgnoreCase(String.valueOf(v))) {
            return Boolean.TRUE;
        }
        return "false".equalsIgnoreCase(String.valueOf(v)) ? Boolean.FALSE : null;
    }

    /** A UUID claim, or {@code null} when absent or not a UUID. */
    static UUID uuid(Map<String, Object> claims, String name) {
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

    /** A string-or-array claim as a list of non-blank strings; a single string is a one-element list. */
    static List<String> stringList(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        List<String> result = new ArrayList<>();
        if (v instanceof String) {
            add(result, v);
        } else if (v instanceof List) {
            for (Object element : (List<?>) v) {
                add(result, element);
            }
        }
        return Collections.unmodifiableList(result);
    }

    private static void add(List<String> target, Object value) {
        if (value instanceof String && !((String) value).isBlank()) {
            target.add(((String) value).strip());
        }
    }
}
