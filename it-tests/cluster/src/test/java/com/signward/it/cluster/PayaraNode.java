package com.signward.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process of the test cluster: {@code payara-micro.jar} with the WAR to deploy, its HTTP port and
 * Hazelcast port on 127.0.0.1, and the cluster's TCP/IP member list (never multicast). Its output goes to a log file
 * the test reads. {@link #close()} stops the process (and its children); a JVM shutdown hook does the same when the
 * test JVM ends some other way.
 */
final class PayaraNode implements AutoCloseable {

    private static final String READY = "ready in";

    private final String name;
    private final Path log;
    private final Process process;
    private final long startedNanos = System.nanoTime();
    private final Thread stopOnExit;
    private volatile Duration startTime;

    private PayaraNode(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
        this.stopOnExit = new Thread(this::stop, "stop-payara-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts a node (does not wait for it).
     *
     * @param dir         this node's directory (log and Payara's root directory)
     * @param members     the cluster's members, e.g. {@code 127.0.0.1:5900,127.0.0.1:5901}
     */
    static PayaraNode start(Path microJar, Path war, String name, Path dir, int httpPort, int hzPort,
                            String clusterName, String members) {
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve("server.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-jar", microJar.toString(),
                    "--name", name,
                    "--rootdir", dir.resolve("root").toString(),
                    "--port", String.valueOf(httpPort),
                    "--clustername", clusterName,
                    "--clustermode", "tcpip:" + members,
                    "--interfaces", "127.0.0.1",
                    "--startport", String.valueOf(hzPort),
                    "--nohostaware",
                    "--deploy", war.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new PayaraNode(name, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until Payara Micro says it is ready (its deployments done); fails when it exits or takes too long. */
    PayaraNode awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(READY)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail());
            }
            Thread.sleep(250);
        }
        startTime = Duration.ofNanos(System.nanoTime() - startedNanos);
        return this;
    }

    /** Waits until the log shows {@code text} (e.g. a cluster size); fails after {@code timeout}. */
    void awaitLog(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": no '" + text + "' in its log after " + timeout + ":\n"
                        + tail());
            }
            Thread.sleep(250);
        }
    }

    /** From process start to ready ({@code null} before). */
    Duration startTime() {
        return startTime;
    }

    String name() {
        return name;
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
