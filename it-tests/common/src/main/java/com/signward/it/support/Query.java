package com.signward.it.support;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Query strings of URLs the tests look at or forge (form encoding, UTF-8). */
public final class Query {

    private Query() {
    }

    /** Every parameter of the URL's query, decoded, in order. */
    public static Map<String, List<String>> parse(URI uri) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** The one value of a parameter (fails when absent or repeated). */
    public static String single(URI uri, String name) {
        List<String> values = parse(uri).getOrDefault(name, List.of());
        assertEquals(1, values.size(), () -> "parameter " + name + " of " + uri);
        return values.get(0);
    }

    /** The URL without its query. */
    public static String withoutQuery(URI uri) {
        String s = uri.toString();
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }

    /** The same URL with parameter {@code name} set to {@code value} (replacing every earlier value). */
    public static URI with(URI uri, String name, String value) {
        Map<String, List<String>> params = parse(uri);
        params.put(name, List.of(value));
        String query = params.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return URI.create(withoutQuery(uri) + "?" + query);
    }

    /** Form-encodes a value (UTF-8). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
