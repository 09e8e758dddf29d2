package com.signward.idserver;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * For test classes that provoke the SDK's warnings on purpose (a provider that fails, a refresh that is refused,
 * TLS checks turned off): while the class runs, what the SDK logs (its loggers are below {@code com.signward.idserver})
 * goes to {@code target/expected-warnings.log}, under the class's name, instead of the console. A green build then
 * prints no alarming {@code WARNING} lines, and a warning from any other test still shows.
 * <pre>
 * &#64;ExtendWith(ExpectedWarnings.class)
 * class JwksOutageTest { ... }
 * </pre>
 */
public final class ExpectedWarnings implements BeforeAllCallback, AfterAllCallback {

    /** Where the captured records go, appended class by class. */
    public static final Path FILE = Path.of("target", "expected-warnings.log");

    private static final Logger SDK = Logger.getLogger("com.signward.idserver"); // held: JUL keeps loggers weakly
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExpectedWarnings.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Capture capture = new Capture();
        context.getStore(NAMESPACE).put(Capture.class, capture);
        SDK.addHandler(capture);
        SDK.setUseParentHandlers(false);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Capture capture = context.getStore(NAMESPACE).remove(Capture.class, Capture.class);
        SDK.removeHandler(capture);
        SDK.setUseParentHandlers(true);
        StringBuilder out = new StringBuilder("# ").append(context.getRequiredTestClass().getName()).append(", ")
                .append(Instant.now()).append(": ").append(capture.records.size()).append(" record(s)\n");
        SimpleFormatter formatter = new SimpleFormatter();
        capture.records.forEach(record -> out.append(formatter.format(record)));
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, out.append('\n'), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JUL handler that keeps every record, from any thread (JWKS refreshes log from the HTTP client's threads). */
    public static final class Capture extends Handler {
        private final List<LogRecord> records = new CopyOnWriteArrayList<>();

        /** @return the records so far, oldest first (a live view) */
        public List<LogRecord> records() {
            return records;
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
