package com.signward.examples.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the demo runs with: ports, directories, and, when {@code SIGNWARD_AUTHORITY} is set, a real tenant
 * instead of the local provider.
 *
 * @param port    the HTTP port of Payara Micro on 127.0.0.1
 * @param idpPort the port of the local provider on 127.0.0.1 (unused with a real tenant)
 * @param dir     the directory with payara-micro.jar, bearer-api.war, webapp.war and gateway-api.war
 * @param workDir where the logs and the demo users' tokens are written
 * @param tenant  the real tenant, or empty for the local provider
 */
record DemoSettings(int port, int idpPort, Path dir, Path workDir, Optional<Tenant> tenant) {

    /**
     * A real Signward tenant, from the environment.
     *
     * @param authority    {@code SIGNWARD_AUTHORITY}
     * @param clientId     {@code SIGNWARD_CLIENT_ID}
     * @param clientSecret {@code SIGNWARD_CLIENT_SECRET}, or {@code null} for a public client
     */
    record Tenant(String authority, String clientId, String clientSecret) {
    }

    /**
     * @param args {@code --port=8080 --idp-port=8090 --dir=target/demo [--work-dir=...]}
     * @param env  the environment
     * @throws IllegalArgumentException with a message for the console
     */
    static DemoSettings parse(String[] args, Map<String, String> env) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("unknown argument " + arg
                        + " (use --port=N --idp-port=N --dir=PATH --work-dir=PATH)");
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        int port = port(options.getOrDefault("port", "8080"));
        int idpPort = port(options.getOrDefault("idp-port", "8090"));
        Path dir = Path.of(options.getOrDefault("dir", "target/demo")).toAbsolutePath().normalize();
        Path workDir = options.containsKey("work-dir")
                ? Path.of(options.get("work-dir")).toAbsolutePath().normalize() : dir;
        return new DemoSettings(port, idpPort, dir, workDir, tenant(env));
    }

    private static Optional<Tenant> tenant(Map<String, String> env) {
        String authority = blankToNull(env.get("SIGNWARD_AUTHORITY"));
        if (authority == null) {
            return Optional.empty();
        }
        String clientId = blankToNull(env.get("SIGNWARD_CLIENT_ID"));
        if (clientId == null) {
            throw new IllegalArgumentException("SIGNWARD_AUTHORITY is set but SIGNWARD_CLIENT_ID is not: set both "
                    + "(and SIGNWARD_CLIENT_SECRET for a confidential client) to use your tenant, or neither to use "
                    + "the local provider");
        }
        return Optional.of(new Tenant(authority, clientId, blankToNull(env.get("SIGNWARD_CLIENT_SECRET"))));
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("not a port: " + value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    Path payaraJar() {
        return dir.resolve("payara-micro.jar");
    }

    Path apiWar() {
        return dir.resolve("bearer-api.war");
    }

    Path webappWar() {
        return dir.resolve("webapp.war");
    }

    Path gatewayWar() {
        return dir.resolve("gateway-api.war");
    }

    /** {@code http://127.0.0.1:<port>}. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
