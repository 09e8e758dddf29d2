package com.signward.examples.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's API snippet is {@code examples/bearer-api}'s {@code QuickstartResource.java}, character for character:
 * it compiles as shown (imports included) because it is the compiled example. Change both together.
 */
class ReadmeQuickstartTest {

    private static final Path ROOT = Path.of("../..");
    private static final String SOURCE =
            "examples/bearer-api/src/main/java/com/signward/examples/api/QuickstartResource.java";

    @Test
    void readmeShowsTheBearerApiExampleAsItIs() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int named = readme.indexOf("`" + SOURCE + "`");
        assertTrue(named >= 0, "README.md should name " + SOURCE);
        int start = readme.indexOf("```java\n", named);
        int end = readme.indexOf("```\n", start + 8);
        assertTrue(start >= 0 && end > start, "README.md: no ```java block after the file name");
        assertEquals(Files.readString(ROOT.resolve(SOURCE)), readme.substring(start + 8, end),
                "README.md's API quickstart differs from " + SOURCE);
    }
}
