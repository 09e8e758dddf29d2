package com.signward.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A server process a test started, with its output in a log file: {@link #close()} stops it and its children
 * (gently, then forcibly); a JVM shutdown hook does the same when the test JVM ends some other way.
 */
final class ServerProcess implements AutoCloseable {

    private final String name;
    private final Path log;
    private final Process process;
    private final long startedNanos = System.nanoTime();
    private final Thread stopOnExit;

    /** Starts {@code builder} with its output (stdout and stderr) going to {@code log}. */
    ServerProcess(String name, ProcessBuilder builder, Path log) {
        this.name = name;
        this.log = log;
        try {
            this.process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.stopOnExit = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    String name() {
        return name;
    }

    /** Time since the process started. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Fails (with the end of the log) when the process has exited. */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
        }
    }

    /** Everything the process wrote so far. */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The end of the log, for failure messages. */
    String tail() {
        String all = log();
        return all.length() <= 6000 ? all : all.substring(all.length() - 6000);
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
