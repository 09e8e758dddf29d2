package com.signward.idserver.jakarta.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings of {@code SignwardTokenPropagation} ({@code signward.propagation.*}).
 *
 * @param mode             which token is sent
 * @param allowedHosts     the only hosts tokens are sent to; empty: none
 * @param scopes           scopes of the client-credentials grant; empty: none sent
 * @param exchangeAudience when present, callers' tokens are exchanged (RFC 8693) for this audience
 */
record PropagationSettings(Mode mode, List<AllowedHost> allowedHosts, List<String> scopes,
                           Optional<String> exchangeAudience) {

    /** {@code signward.propagation.mode}. */
    enum Mode {
        /** The caller's access token; nothing without a caller. */
        CALLER("caller"),
        /** Always the application's own client-credentials token. */
        CLIENT_CREDENTIALS("client-credentials"),
        /** The caller's token when there is a caller, else the application's own. */
        CALLER_OR_CLIENT_CREDENTIALS("caller-or-client-credentials");

        private final String value;

        Mode(String value) {
            this.value = value;
        }

        boolean usesCaller() {
            return this != CLIENT_CREDENTIALS;
        }

        boolean usesClientCredentials() {
            return this != CALLER;
        }

        static Mode parse(String value) {
            for (Mode mode : values()) {
                if (mode.value.equalsIgnoreCase(value.trim())) {
                    return mode;
                }
            }
            throw new ConfigException(ConfigKey.PROPAGATION_MODE,
                    "must be caller, client-credentials or caller-or-client-credentials");
        }
    }

    /**
     * One entry of {@code signward.propagation.allowed-hosts}.
     *
     * @param host the host in lower case (an IPv6 address in brackets, as in a URL)
     * @param port the port, or -1 for any port
     */
    record AllowedHost(String host, int port) {

        static AllowedHost parse(String entry) {
            String value = entry.trim().toLowerCase(Locale.ROOT);
            int colon = value.startsWith("[") ? value.indexOf("]:") + 1 : value.lastIndexOf(':');
            String host = colon > 0 ? value.substring(0, colon) : value;
            if (host.isEmpty() || host.contains("/") || host.contains("@")
                    || (!host.startsWith("[") && host.contains(":"))) {
                throw notAHost();
            }
            if (colon <= 0) {
                return new AllowedHost(host, -1);
            }
            try {
                int port = Integer.parseInt(value.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw notAHost();
                }
                return new AllowedHost(host, port);
            } catch (NumberFormatException e) {
                throw notAHost();
            }
        }

        private static ConfigException notAHost() {
            return new ConfigException(ConfigKey.PROPAGATION_ALLOWED_HOSTS,
                    "each entry must be a host or host:port, e.g. api.example.com or 127.0.0.1:8080");
        }

        boolean matches(String targetHost, int targetPort) {
            return host.equals(targetHost) && (port == -1 || port == targetPort);
        }
    }

    PropagationSettings {
        allowedHosts = List.copyOf(allowedHosts);
        scopes = List.copyOf(scopes);
    }

    /** @throws ConfigException naming the key of a bad value */
    static PropagationSettings read(Function<String, Optional<String>> lookup) {
        ConfigValues values = new ConfigValues(lookup);
        return new PropagationSettings(Mode.parse(values.withDefault(ConfigKey.PROPAGATION_MODE)),
                values.list(ConfigKey.PROPAGATION_ALLOWED_HOSTS).orElse(List.of()).stream()
                        .map(AllowedHost::parse).toList(),
                values.list(ConfigKey.PROPAGATION_SCOPES).orElse(List.of()),
                values.explicit(ConfigKey.PROPAGATION_EXCHANGE_AUDIENCE).map(String::trim));
    }

    /**
     * Whether tokens may be sent to this URL: its host equals an allowed one (case-insensitive) and, when the entry
     * names a port, so does its port (80 and 443 when the URL has none).
     */
    boolean allows(URI target) {
        String host = target.getHost();
        if (host == null) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        int port = target.getPort() != -1 ? target.getPort()
                : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        return allowedHosts.stream().anyMatch(allowed -> allowed.matches(lower, port));
    }
}
