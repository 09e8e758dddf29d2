package com.signward.examples.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Payara Micro as a child process: {@code java -jar payara-micro.jar --deploy ... --port ...}, its HTTP listener bound
 * to 127.0.0.1 and without its data grid ({@code --nohazelcast}: Hazelcast would listen on port 6900 of every
 * interface; {@code --nocluster} does not prevent that and, given as well, even turns the data grid back on), so that
 * it listens on nothing but 127.0.0.1:port. Its output goes to a
 * log file and its temporary files to the work directory. {@link #close()} stops it (and everything it started).
 */
final class PayaraMicro implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Process process;
    private final Path log;
    private final int port;

    private PayaraMicro(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts Payara Micro (returns at once; see {@link #awaitReady}).
     *
     * @param jar     payara-micro.jar
     * @param wars    the WARs; each one's context root is its file name without {@code .war}
     * @param port    the HTTP port on 127.0.0.1
     * @param workDir where the log and the boot command file go
     * @param env     environment variables to set (a {@code null} value removes the variable)
     */
    static PayaraMicro start(Path jar, List<Path> wars, int port, Path workDir, Map<String, String> env)
            throws IOException {
        Files.createDirectories(workDir);
        Path preboot = workDir.resolve("payara-preboot.asadmin");
        Files.writeString(preboot, "set configs.config.server-config.network-config.network-listeners"
                + ".network-listener.http-listener.address=127.0.0.1\n", StandardCharsets.UTF_8);
        Path log = workDir.resolve("payara.log");
        Path tmp = Files.createDirectories(workDir.resolve("tmp")); // Payara Micro unpacks itself here
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-jar", jar.toString(),
                "--port", Integer.toString(port),
                "--nohazelcast",
                "--disablephonehome",
                "--prebootcommandfile", preboot.toString()));
        for (Path war : wars) {
            command.add("--deploy");
            command.add(war.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return new PayaraMicro(builder.start(), log, port);
    }

    /**
     * Waits until every URL answers with its expected status.
     *
     * @param checks  path (below {@code http://127.0.0.1:<port>}) to expected HTTP status
     * @throws IOException when Payara exits or the time is up; the message ends with the log's last lines
     */
    void awaitReady(Map<String, Integer> checks, Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("Payara Micro exited with code " + process.exitValue() + "\n" + logTail());
            }
            if (checks.entrySet().stream().allMatch(check -> answers(client, check.getKey(), check.getValue()))) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("Payara Micro was not ready after " + timeout.toSeconds() + " s\n" + logTail());
            }
            Thread.sleep(500);
        }
    }

    /**
     * One check: a HEAD request (the status without a body to write), given all the time a first request may take
     * (a client that gives up while the server still writes leaves a "Broken pipe" stack trace in Payara's log).
     */
    private boolean answers(HttpClient client, String path, int status) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "*/*")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == status;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Blocks until Payara Micro exits. */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    Path log() {
        return log;
    }

    /** The last 40 lines of the log, to explain a failure. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log at " + log + ")";
        }
    }

    /**
     * Stops Payara Micro: a normal shutdown first, then forcibly; returns when it (and any process it started) has
     * exited.
     */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.destroyForcibly();
                child.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a child that does not go away within 5 s after SIGKILL: nothing more to do from here
        }
    }
}
