package com.signward.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One Payara Micro process of a test: {@code payara-micro.jar} with the WAR to deploy and its HTTP listener on
 * 127.0.0.1 (a pre-boot command), no phone-home; in a cluster also its Hazelcast port and the cluster's TCP/IP member list (never multicast). Its output
 * goes to a log file the test reads; {@link #close()} stops it ({@link ServerProcess}).
 */
final class PayaraNode implements AutoCloseable {

    private static final String READY = "ready in";

    private final ServerProcess process;
    private volatile Duration startTime;

    private PayaraNode(ServerProcess process) {
        this.process = process;
    }

    /**
     * Starts a cluster member (does not wait for it).
     *
     * @param dir     this node's directory (log and Payara's root directory)
     * @param members the cluster's members, e.g. {@code 127.0.0.1:5900,127.0.0.1:5901}
     */
    static PayaraNode start(Path microJar, Path war, String name, Path dir, int httpPort, int hzPort,
                            String clusterName, String members) {
        return launch(microJar, war, name, dir, httpPort, List.of(
                "--clustername", clusterName,
                "--clustermode", "tcpip:" + members,
                "--interfaces", "127.0.0.1",
                "--startport", String.valueOf(hzPort),
                "--nohostaware"));
    }

    /** Starts a node on its own ({@code --nocluster}); does not wait for it. */
    static PayaraNode startAlone(Path microJar, Path war, String name, Path dir, int httpPort) {
        return launch(microJar, war, name, dir, httpPort, List.of("--nocluster"));
    }

    private static PayaraNode launch(Path microJar, Path war, String name, Path dir, int httpPort,
                                     List<String> clusterOptions) {
        Path preboot = dir.resolve("preboot.asadmin");
        try {
            Files.createDirectories(dir);
            // the HTTP listener on 127.0.0.1 only (Payara Micro has no option for it)
            Files.writeString(preboot, "set configs.config.server-config.network-config.network-listeners"
                    + ".network-listener.http-listener.address=127.0.0.1\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar", microJar.toString(),
                "--name", name,
                "--rootdir", dir.resolve("root").toString(),
                "--port", String.valueOf(httpPort),
                "--prebootcommandfile", preboot.toString(),
                "--disablephonehome",
                "--deploy", war.toString()));
        command.addAll(clusterOptions);
        return new PayaraNode(new ServerProcess(name, new ProcessBuilder(command), dir.resolve("server.log")));
    }

    /** Waits until Payara Micro says it is ready (its deployments done); fails when it exits or takes too long. */
    PayaraNode awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(READY)) {
            process.checkAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + " not ready after " + timeout + ":\n" + tail());
            }
            Thread.sleep(250);
        }
        startTime = process.age();
        return this;
    }

    /** Waits until the log shows {@code text}; fails after {@code timeout}. */
    void awaitLog(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + ": no '" + text + "' in its log after " + timeout + ":\n"
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
        return process.name();
    }

    String log() {
        return process.log();
    }

    String tail() {
        return process.tail();
    }

    @Override
    public void close() {
        process.close();
    }
}
