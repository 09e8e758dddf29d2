package com.signward.examples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The demo as a user runs it: its own JVM ({@code java -cp … Demo}, as {@code -Pdemo} starts it), on free ports,
 * with the local provider (no {@code SIGNWARD_*} variables). Its console is kept for assertions and in
 * {@code target/demo-it/demo.out}. Stopped by a signal, as Ctrl-C does; whatever is left is killed in the end, when
 * its lifetime is over, or when the test JVM exits.
 */
final class DemoProcess {

    private final Process process;
    private final int port;
    private final int idpPort;
    private final StringBuffer console = new StringBuffer();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final List<ProcessHandle> started = new ArrayList<>();
    private final Thread killer = new Thread(this::kill, "demo-it-kill");
    private Thread reader;

    private DemoProcess(Process process, int port, int idpPort) {
        this.process = process;
        this.port = port;
        this.idpPort = idpPort;
    }

    /**
     * Starts the demo and waits for its ready line (it also fails when the demo exits first).
     *
     * @param timeout  how long the start may take
     * @param lifetime after this time from now the demo is killed, whatever the tests are doing
     */
    static DemoProcess start(Duration timeout, Duration lifetime) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("demo.dir", "target/demo"));
        Path workDir = dir.resolveSibling("demo-it");
        Files.createDirectories(workDir);
        String classpath = System.getProperty("demo.classes", "target/classes") + java.io.File.pathSeparator
                + Files.readString(dir.resolve("classpath.txt")).strip();
        int port = freePort();
        int idpPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, Demo.class.getName(), "--port=" + port, "--idp-port=" + idpPort, "--dir=" + dir,
                "--work-dir=" + workDir)
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SIGNWARD_"));
        DemoProcess demo = new DemoProcess(builder.start(), port, idpPort);
        Runtime.getRuntime().addShutdownHook(demo.killer);
        demo.killAfter(lifetime);
        demo.readConsole(workDir.resolve("demo.out"));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!demo.ready.await(200, TimeUnit.MILLISECONDS)) {
            if (!demo.process.isAlive() || System.nanoTime() > deadline) {
                demo.kill();
                throw new IllegalStateException("the demo did not get ready (exit "
                        + (demo.process.isAlive() ? "none" : demo.process.exitValue()) + "):\n" + demo.console);
            }
        }
        demo.started.addAll(demo.process.descendants().toList());
        return demo;
    }

    private void killAfter(Duration lifetime) {
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(lifetime.toMillis(), TimeUnit.MILLISECONDS)) {
                    console.append("demo-it: killed after ").append(lifetime.toSeconds()).append(" s\n");
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-it-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void readConsole(Path copy) {
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    console.append(line).append('\n');
                    Files.writeString(copy, console);
                    if (line.contains(Demo.READY)) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "demo-it-console");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code http://127.0.0.1:<port>}: where Payara Micro serves both examples. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The local provider's issuer, {@code http://127.0.0.1:<port>/signward}. */
    String authority() {
        return "http://127.0.0.1:" + idpPort + "/signward";
    }

    int idpPort() {
        return idpPort;
    }

    String console() {
        return console.toString();
    }

    /** The processes the demo started (Payara Micro). */
    List<ProcessHandle> children() {
        return List.copyOf(started);
    }

    /** Sends SIGTERM (what Ctrl-C amounts to: the shutdown hooks run) and waits for the demo to exit. */
    boolean stop(Duration timeout) throws InterruptedException {
        process.toHandle().destroy(); // unlike Process.destroy(), leaves the console stream open to read the last lines
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (exited) {
            reader.join(5000); // the last lines of the console
        }
        return exited;
    }

    /** Kills the demo and everything it started, whatever state they are in. */
    void kill() {
        List<ProcessHandle> all = new ArrayList<>(started);
        all.addAll(process.descendants().toList());
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
