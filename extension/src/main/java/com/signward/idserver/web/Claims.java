package com.signward.idserver.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Reads claims held as plain Java values (as {@code SignwardUser.claims()} gives them). */
final class Claims {

    private Claims() {
    }

    /** @return the claim when it is a string, else {@code null} */
    static String string(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value instanceof String s ? s : null;
    }

    /** @return a whole-number claim in seconds or the like, else {@code null} */
    static Long number(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof BigDecimal d) {
            return d.longValue();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? (long) d : null;
        }
        return null;
    }

    /** @return a string-or-array claim as a list (a single string gives one element) */
    static List<String> strings(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value instanceof String s) {
            return List.of(s);
        }
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof String s) {
                    result.add(s);
                }
            }
        }
        return Collections.unmodifiableList(result);
    }
}
