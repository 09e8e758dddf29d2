package com.signward.idserver.internal.jwt;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

/**
 * Reads a JOSE header or JWT payload (UTF-8 JSON) with the JSON-P streaming parser straight into the plain values of
 * {@link ClaimValues}, in one pass and without an intermediate tree. Refuses anything but one JSON object, duplicate
 * member names (RFC 7515 §5.2, RFC 7519 §4) and nesting deeper than {@value #MAX_DEPTH}.
 */
final class JsonClaims {
    static final int MAX_DEPTH = 32;
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private JsonClaims() {
    }

    /** @throws TokenRejectedException "malformed token: {part} is not a JSON object" */
    static Map<String, Object> parse(byte[] json, String part) throws TokenRejectedException {
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(json), StandardCharsets.UTF_8)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw malformed(part);
            }
            Map<String, Object> result = object(parser, part, 1);
            if (parser.hasNext()) {
                throw malformed(part);
            }
            return result;
        } catch (JsonException | IllegalStateException | NumberFormatException e) { // messages may quote input
            throw malformed(part);
        }
    }

    private static Map<String, Object> object(JsonParser parser, String part, int depth) throws TokenRejectedException {
        LinkedHashMap<String, Object> members = new LinkedHashMap<>();
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_OBJECT) {
                return ClaimValues.plainOf(members);
            }
            String name = parser.getString(); // KEY_NAME
            Object value = value(parser, parser.next(), part, depth);
            if (members.containsKey(name)) {
                throw Rejections.reject(Rejections.MALFORMED + ": duplicate member " + Rejections.printable(name)
                        + " in the " + part);
            }
            members.put(name, value);
        }
    }

    private static List<Object> array(JsonParser parser, String part, int depth) throws TokenRejectedException {
        List<Object> values = new ArrayList<>();
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_ARRAY) {
                return Collections.unmodifiableList(values);
            }
            values.add(value(parser, event, part, depth));
        }
    }

    private static Object value(JsonParser parser, JsonParser.Event event, String part, int depth)
            throws TokenRejectedException {
        switch (event) {
            case VALUE_STRING:
                return parser.getString();
            case VALUE_NUMBER:
                return number(parser);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case START_OBJECT:
                checkDepth(depth, part);
                return object(parser, part, depth + 1);
            case START_ARRAY:
                checkDepth(depth, part);
                return array(parser, part, depth + 1);
            default:
                throw malformed(part);
        }
    }

    /** As {@link ClaimValues}: whole numbers as {@code Long} (or {@code BigInteger} when larger), others BigDecimal. */
    private static Object number(JsonParser parser) {
        if (!parser.isIntegralNumber()) {
            return parser.getBigDecimal();
        }
        String text = parser.getString();
        if (text.length() <= 18) {
            return Long.parseLong(text);
        }
        BigInteger big = new BigInteger(text);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private static void checkDepth(int depth, String part) throws TokenRejectedException {
        if (depth >= MAX_DEPTH) {
            throw Rejections.reject(Rejections.MALFORMED + ": the " + part + " is nested too deeply");
        }
    }

    private static TokenRejectedException malformed(String part) {
        return Rejections.reject(Rejections.MALFORMED + ": " + part + " is not a JSON object");
    }
}
