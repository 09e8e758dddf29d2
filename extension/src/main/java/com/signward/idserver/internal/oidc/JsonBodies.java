package com.signward.idserver.internal.oidc;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;

/** JSON-P helpers for response bodies. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** @return the body as a JSON object, or {@code null} when it is not one */
    public static JsonObject parseObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException e) {
            return null;
        }
    }

    /** @return a string member, or {@code null} when absent or not a string */
    public static String string(JsonObject json, String name) {
        JsonValue v = json.get(name);
        return v instanceof JsonString s ? s.getString() : null;
    }
}
