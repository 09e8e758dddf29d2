package com.signward.examples.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-command demo: a local OpenID provider with Signward-shaped users (unless {@code SIGNWARD_AUTHORITY} names
 * a real tenant) and Payara Micro serving the examples (bearer API, web app, and the gateway API that calls the
 * bearer API with the caller's token), on 127.0.0.1. Prints the URLs and the users, then runs
 * until Ctrl-C, which stops everything. It also stops, Payara Micro included, when the process that started it (Maven,
 * through {@link DemoLauncher}) is gone, whatever ended it, and prints {@link #STOPPED} when everything has exited.
 * <pre>
 * ./mvnw -B -Pdemo -pl examples/demo -am verify
 * java -cp ... com.signward.examples.demo.Demo --port=8080 --idp-port=8090 --dir=examples/demo/target/demo
 * </pre>
 */
public final class Demo {

    /** The first line printed once everything answers (the demo's test waits for it). */
    static final String READY = "Signward demo is ready.";
    /** The last line printed, once Payara Micro and the provider have exited. */
    static final String STOPPED = "demo: stopped (Payara Micro and the OpenID provider have exited)";
    /** The client id of the API in the local provider's tokens (the WAR's configuration says the same). */
    static final String API_CLIENT_ID = "demo-api";
    private static final String LOCAL_CLIENT_SECRET = "demo-secret";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final DemoSettings settings;
    private DemoProvider provider;
    private PayaraMicro payara;
    private volatile boolean stopping;

    Demo(DemoSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws InterruptedException {
        DemoSettings settings;
        try {
            settings = DemoSettings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        Demo demo = new Demo(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::stop, "signward-demo-stop"));
        stopWithParent();
        try {
            demo.start();
        } catch (IOException | RuntimeException e) {
            System.err.println("demo: could not start: " + e.getMessage());
            demo.stop();
            System.exit(1);
            return;
        }
        int exit = demo.payara.waitFor();
        if (!demo.stopping) {
            System.err.println("demo: Payara Micro stopped by itself (exit code " + exit + ")\n" + demo.payara.logTail());
            demo.stop();
            System.exit(1);
        }
    }

    /**
     * Ends this JVM (the shutdown hook stops Payara Micro) when the process that started it exits: Maven killed
     * outright runs no hook of its own, and would leave the demo running.
     */
    private static void stopWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.out.println("demo: the process that started the demo (pid " + parent.pid() + ") has exited");
            System.exit(0);
        }));
    }

    /** Starts the provider and Payara Micro, waits until both examples answer, prints the banner. */
    void start() throws IOException {
        checkFiles(settings.payaraJar(), settings.apiWar(), settings.webappWar(), settings.gatewayWar());
        checkFree(settings.port(), "-Ddemo.port");
        Files.createDirectories(settings.workDir());
        if (Runtime.version().feature() >= 25) {
            System.out.println("demo: warning: Payara Micro 6 answers role checks wrongly on Java 25; use Java 17 or 21");
        }
        Map<String, String> env = new HashMap<>();
        String authority;
        if (settings.tenant().isPresent()) {
            authority = settings.tenant().get().authority(); // the SIGNWARD_* variables pass on to Payara Micro as they are
        } else {
            checkFree(settings.idpPort(), "-Ddemo.idp-port");
            provider = DemoProvider.start(DemoUser.ALL, settings.idpPort(), settings.baseUrl(), LOCAL_CLIENT_SECRET);
            authority = provider.authority();
            env.put("SIGNWARD_AUTHORITY", authority);
            env.put("SIGNWARD_CLIENT_ID", null);      // each WAR's own client id (demo-api, demo-webapp)
            env.put("SIGNWARD_CLIENT_SECRET", LOCAL_CLIENT_SECRET);
        }
        env.put("GATEWAY_BEARER_API_URL", settings.baseUrl() + "/bearer-api"); // the API the gateway calls
        System.out.println("demo: OpenID provider " + authority + "; starting Payara Micro on " + settings.baseUrl()
                + " (log: " + settings.workDir().resolve("payara.log") + ") ...");
        long started = System.nanoTime();
        keep(PayaraMicro.start(settings.payaraJar(), List.of(settings.apiWar(), settings.webappWar(),
                settings.gatewayWar()),
                settings.port(), settings.workDir(), env));
        try {
            payara.awaitReady(Map.of("/webapp/", 200, "/bearer-api/me", 401, "/gateway-api/profile", 401),
                    START_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Payara Micro was starting");
        }
        Map<DemoUser, Path> tokens = provider == null ? Map.of() : writeTokens();
        System.out.printf("demo: started in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.out.println(banner(authority, tokens));
    }

    /** Access tokens of the demo users for the API, signed by the provider. */
    private Map<DemoUser, Path> writeTokens() throws IOException {
        Map<DemoUser, Path> files = new LinkedHashMap<>();
        for (DemoUser user : DemoUser.ALL) {
            Path file = settings.workDir().resolve(user.login() + ".token");
            Files.writeString(file, provider.accessToken(user));
            files.put(user, file);
        }
        return files;
    }

    private String banner(String authority, Map<DemoUser, Path> tokens) {
        String base = settings.baseUrl();
        String line = "=".repeat(100);
        StringBuilder out = new StringBuilder(2000).append('\n').append(line).append('\n')
                .append(' ').append(READY).append("  Ctrl-C stops everything.\n").append(line).append('\n')
                .append(" Web app (browser login)  ").append(base).append("/webapp/\n")
                .append(" Bearer API               ").append(base).append("/bearer-api/me\n")
                .append("                          ").append(base).append("/bearer-api/admin  /editors-or-admins  "
                        + "/billing-admin-only\n")
                .append(" Gateway API              ").append(base).append("/gateway-api/profile   (calls the bearer "
                        + "API with the caller's token)\n");
        if (provider != null) {
            out.append(" OpenID provider          ").append(authority)
                    .append("   (local stand-in for Signward)\n\n")
                    .append(" Log in on the provider's page by choosing a user:\n");
            DemoUser.ALL.forEach(user -> out.append("   ").append(user.describe()).append('\n'));
            out.append('\n')
                    .append(" Call the API with a demo user's access token (valid for an hour):\n");
            tokens.forEach((user, file) -> out.append("   curl -H \"Authorization: Bearer $(cat ").append(file)
                    .append(")\" ").append(base).append("/bearer-api/").append(user == DemoUser.ALICE ? "admin" : "me")
                    .append('\n'));
            tokens.entrySet().stream().limit(1).forEach(first -> out.append("   curl -H \"Authorization: Bearer $(cat ")
                    .append(first.getValue()).append(")\" ").append(base).append("/gateway-api/profile\n"));
        } else {
            DemoSettings.Tenant tenant = settings.tenant().get();
            out.append(" Signward tenant          ").append(authority).append("   client ").append(tenant.clientId())
                    .append(tenant.clientSecret() == null ? " (public client: no SIGNWARD_CLIENT_SECRET)" : "")
                    .append("\n\n Register at Signward for this client:\n")
                    .append("   redirect URI              ").append(base).append("/webapp/auth/callback\n")
                    .append("   post-logout redirect URI  ").append(base).append("/webapp/\n\n")
                    .append(" Call the API with an access token of your tenant (audience idserver-api):\n")
                    .append("   curl -H \"Authorization: Bearer $TOKEN\" ").append(base).append("/bearer-api/me\n");
        }
        return out.append("\n Runtime log: ").append(settings.workDir().resolve("payara.log")).append('\n')
                .append(line).toString();
    }

    /** Keeps the started Payara Micro, or stops it at once when {@link #stop()} came first. */
    private synchronized void keep(PayaraMicro started) {
        if (stopping) {
            started.close();
            throw new IllegalStateException("stopped while Payara Micro was starting");
        }
        payara = started;
    }

    /** Stops Payara Micro and the provider, waits until they have exited; safe to call more than once. */
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        if (payara != null) {
            System.out.println("demo: stopping Payara Micro ...");
            payara.close();
        }
        if (provider != null) {
            provider.close();
        }
        System.out.println(STOPPED);
    }

    private static void checkFiles(Path... files) {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: run the demo through Maven "
                        + "(./mvnw -B -Pdemo -pl examples/demo -am verify), which builds and copies it");
            }
        }
    }

    private static void checkFree(int port, String option) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            // free
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use: stop what uses it, or choose "
                    + "another port with " + option + "=<port>");
        }
    }
}
