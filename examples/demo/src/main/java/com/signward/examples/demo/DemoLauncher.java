package com.signward.examples.demo;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What {@code -Pdemo} runs inside Maven's JVM ({@code exec:java}): starts {@link Demo} in a JVM of its own, with
 * the demo's classpath, and waits for it. When Maven is asked to stop (Ctrl-C, SIGTERM from an IDE's stop button or
 * {@code kill}), its shutdown hook stops the demo and waits until the demo, and with it Payara Micro, has exited, so
 * that the demo's last line comes before the prompt. A Maven that is killed outright (SIGKILL) runs no hook: then the
 * demo notices that its parent is gone and stops by itself ({@link Demo}).
 * <pre>
 * java -cp examples/demo/target/classes com.signward.examples.demo.DemoLauncher --port=8080 --idp-port=8090 --dir=...
 * </pre>
 * The arguments are the demo's; {@code --dir} also names where {@code classpath.txt} (written by the build) is.
 */
public final class DemoLauncher {

    /** How long the demo may take to stop Payara Micro (which has 20 s itself) before it is killed. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);

    private DemoLauncher() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Process demo = new ProcessBuilder(command(args)).inheritIO().start();
        Thread hook = new Thread(() -> stop(demo), "signward-demo-launcher-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        int exit = demo.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is stopping the demo: the JVM ends when the hook does. Nothing may be printed after the
            // demo's last line, so this thread (Maven's, under exec:java) waits here instead of returning.
            Thread.sleep(Long.MAX_VALUE);
        }
        if (exit != 0 && exit != 128 + 2 && exit != 128 + 15) { // stopped by SIGINT or SIGTERM: a normal end
            throw new IllegalStateException("the demo exited with code " + exit + " (its messages are above)");
        }
    }

    /** {@code java -cp <demo classes>:<classpath.txt> Demo <args>}, with the JVM that runs this class. */
    static List<String> command(String[] args) throws IOException {
        Path dir = Arrays.stream(args).filter(arg -> arg.startsWith("--dir=")).findFirst()
                .map(arg -> Path.of(arg.substring("--dir=".length()))).orElse(Path.of("target/demo"));
        Path classpathFile = dir.resolve("classpath.txt");
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: run the demo through Maven "
                    + "(./mvnw -B -Pdemo -pl examples/demo -am verify), which writes it");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", ownClasses() + File.pathSeparator + Files.readString(classpathFile).strip(),
                Demo.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** The demo's classes: where this class was loaded from ({@code target/classes}). */
    private static String ownClasses() {
        try {
            return Path.of(DemoLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the demo's classes", e);
        }
    }

    /**
     * Sends SIGTERM to the demo (its shutdown hook stops Payara Micro and prints the last line) and waits; kills
     * the demo and whatever it started if it takes longer than {@link #STOP_TIMEOUT}.
     */
    static void stop(Process demo) {
        List<ProcessHandle> started = demo.descendants().toList();
        demo.destroy();
        try {
            if (!demo.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                System.out.println("demo: did not stop within " + STOP_TIMEOUT.toSeconds() + " s; killing it");
                demo.destroyForcibly();
                started.forEach(ProcessHandle::destroyForcibly);
                demo.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            demo.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }
}
