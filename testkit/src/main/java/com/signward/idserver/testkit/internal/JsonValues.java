package com.signward.idserver.testkit.internal;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/** Java values (strings, numbers, booleans, collections, maps) as JSON-P values. */
public final class JsonValues {

    private JsonValues() {
    }

    /** The JSON value of {@code value}; anything else becomes its string form. */
    public static JsonValue of(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger || value instanceof BigDecimal || value instanceof Double
                || value instanceof Float) {
            return Json.createValue(new BigDecimal(value.toString()));
        }
        if (value instanceof Collection<?> values) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            values.forEach(v -> array.add(of(v)));
            return array.build();
        }
        if (value instanceof Map<?, ?> map) {
            return object(map);
        }
        return Json.createValue(String.valueOf(value));
    }

    /** A JSON object of a map (keys as strings). */
    public static jakarta.json.JsonObject object(Map<?, ?> map) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        map.forEach((k, v) -> object.add(String.valueOf(k), of(v)));
        return object.build();
    }
}
