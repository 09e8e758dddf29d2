package com.signward.examples.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The demo as a user runs it: {@link DemoLauncher} in a JVM that stands in for Maven's (where {@code -Pdemo} runs
 * it), which starts the demo in its own JVM, on free ports, with the local provider (no {@code SIGNWARD_*}
 * variables). The console goes to {@code target/demo-it/demo.out}, a file: the demo keeps writing to it after the
 * launcher has gone (a pipe to the launcher would lose those lines). Stopped by a signal to the
 * launcher, as an IDE's stop button or {@code kill} does to Maven; whatever is left is killed in the end, when its
 * lifetime is over, or when the test JVM exits.
 */
final class DemoProcess {

    private final Process process;
    private final int port;
    private final int idpPort;
    private final Path out;
    private final List<ProcessHandle> started = new ArrayList<>();
    private final Thread killer = new Thread(this::kill, "demo-it-kill");

    private DemoProcess(Process process, Path out, int port, int idpPort) {
        this.process = process;
        this.out = out;
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
        int port = freePort();
        int idpPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("demo.classes", "target/classes"), DemoLauncher.class.getName(),
                "--port=" + port, "--idp-port=" + idpPort, "--dir=" + dir, "--work-dir=" + workDir)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("demo.out").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SIGNWARD_"));
        DemoProcess demo = new DemoProcess(builder.start(), workDir.resolve("demo.out"), port, idpPort);
        Runtime.getRuntime().addShutdownHook(demo.killer);
        demo.killAfter(lifetime);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!demo.console().contains(Demo.READY)) {
            if (!demo.process.isAlive() || System.nanoTime() > deadline) {
                demo.kill();
                throw new IllegalStateException("the demo did not get ready (exit "
                        + (demo.process.isAlive() ? "none" : demo.process.exitValue()) + "):\n" + demo.console());
            }
            Thread.sleep(200);
        }
        demo.started.addAll(demo.process.descendants().toList());
        return demo;
    }

    private void killAfter(Duration lifetime) {
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(lifetime.toMillis(), TimeUnit.MILLISECONDS)) {
                    kill();
                    Files.writeString(out, "demo-it: killed after " + lifetime.toSeconds() + " s\n",
                            StandardOpenOption.APPEND);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the console file is gone: nothing to note
            }
        }, "demo-it-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
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

    /** What the launcher, the demo and its shutdown have printed so far. */
    String console() {
        try {
            return Files.readString(out);
        } catch (IOException e) {
            return "(no console: " + e + ")";
        }
    }

    /** The processes the launcher started: the demo's JVM and Payara Micro. */
    List<ProcessHandle> children() {
        return List.copyOf(started);
    }

    /**
     * Sends SIGTERM to the launcher (Maven's stand-in; what an IDE's stop button or {@code kill} does) and waits for
     * it to exit: its shutdown hook stops the demo and waits for it.
     */
    boolean stop(Duration timeout) throws InterruptedException {
        process.toHandle().destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Sends a signal to the launcher alone ({@code kill -INT|-TERM|-KILL <pid>}), as a user, an IDE or the system does
     * to Maven, and waits for the launcher to exit.
     */
    boolean signalLauncher(String signal, Duration timeout) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " failed");
        }
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Whether the launcher ignores SIGINT, as every process does that was started in the background of a
     * non-interactive shell (the JVM then installs no handler for it): Linux's {@code /proc/<pid>/status}.
     */
    boolean launcherIgnoresSigint() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("SigIgn:"))
                    .anyMatch(line -> (Long.parseLong(line.substring(7).strip(), 16) & (1L << (2 - 1))) != 0);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * What is still there after the demo was told to stop, waiting up to {@code timeout} for it to go: processes the
     * launcher started that still run, ports that still accept connections. Empty when everything is gone.
     */
    List<String> leftovers(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle child : started) {
            long left = Math.max(0, deadline - System.nanoTime());
            child.onExit().completeOnTimeout(child, left, TimeUnit.NANOSECONDS).join();
        }
        List<String> left = new ArrayList<>();
        started.stream().filter(ProcessHandle::isAlive)
                .forEach(child -> left.add("process " + child.pid() + " " + child.info().command().orElse("")));
        for (int open : List.of(port, idpPort)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", open), 1000);
                left.add("port " + open + " still accepts connections");
            } catch (IOException closed) {
                // nothing listens any more
            }
        }
        return left;
    }

    /**
     * The TCP sockets the launcher's processes (the demo's JVM, Payara Micro) listen on, as {@code address:port}
     * (hexadecimal, as Linux's {@code /proc/net/tcp} and {@code tcp6} write them): a socket's inode is in the
     * process's {@code fd} directory. Linux only.
     */
    List<String> listeningSockets() throws IOException {
        Set<String> inodes = new HashSet<>();
        for (ProcessHandle process : started) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(process.pid()),
                    "fd"))) {
                for (Path fd : fds) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException closedMeanwhile) {
                        // the descriptor went away while listing
                    }
                }
            }
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.strip().split("\\s+"); // sl local rem st tx:rx tr:when retrnsmt uid timeout inode
                if (fields[3].equals("0A") && inodes.contains(fields[9])) {
                    listening.add(fields[1]);
                }
            }
        }
        return listening;
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
