package com.signward.idserver.jakarta.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The site's configuration reference must list exactly the keys the code reads, with their defaults. */
class ConfigurationReferenceTest {

    private static final Path PAGE = Path.of("..", "src-site", "markdown", "configuration.md");

    @Test
    void everyKeyIsDocumentedWithItsDefault() throws IOException {
        Map<String, String> documented = documentedKeys();
        Map<String, String> expected = Arrays.stream(ConfigKey.values()).collect(Collectors.toMap(
                ConfigKey::key, k -> k.defaultValue() == null ? "" : "`" + k.defaultValue() + "`",
                (a, b) -> a, LinkedHashMap::new));
        assertEquals(expected.keySet(), documented.keySet(), "keys in " + PAGE);
        expected.forEach((key, value) -> {
            String doc = documented.get(key);
            if (value.isEmpty()) {
                assertEquals('(', doc.charAt(0), key + " has no default; the page should say why in parentheses");
            } else {
                assertEquals(value, doc, "default of " + key);
            }
        });
    }

    /** Rows {@code | `signward.x` | default | meaning |} outside sections whose heading says "(planned)". */
    private static Map<String, String> documentedKeys() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        boolean planned = false;
        for (String line : Files.readAllLines(PAGE)) {
            if (line.startsWith("#")) {
                planned = line.contains("(planned)");
            } else if (!planned && line.startsWith("| `signward.")) {
                String[] cells = line.split("\\|");
                String key = cells[1].trim().replace("`", "");
                if (keys.put(key, cells[2].trim()) != null) {
                    throw new AssertionError(key + " is documented twice");
                }
            }
        }
        return keys;
    }
}
