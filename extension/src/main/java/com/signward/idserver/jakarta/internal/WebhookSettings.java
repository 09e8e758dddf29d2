package com.signward.idserver.jakarta.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The webhook endpoint's settings, present when {@code signward.webhooks.enabled=true}.
 *
 * @param path    the servlet path, e.g. {@code /signward/webhooks}
 * @param secrets the subscription secrets ({@code whsec_…}), current and previous
 */
record WebhookSettings(String path, List<String> secrets) {

    private static final String SECRET_PREFIX = "whsec_";

    WebhookSettings {
        secrets = List.copyOf(secrets);
    }

    /**
     * @throws ConfigException naming the key of a bad value
     */
    static Optional<WebhookSettings> read(Function<String, Optional<String>> lookup) {
        ConfigValues values = new ConfigValues(lookup);
        if (!values.boolWithDefault(ConfigKey.WEBHOOKS_ENABLED)) {
            return Optional.empty();
        }
        String path = values.withDefault(ConfigKey.WEBHOOKS_PATH);
        if (!path.startsWith("/") || path.contains("*") || path.contains("?") || path.contains("#")
                || path.length() < 2) {
            throw new ConfigException(ConfigKey.WEBHOOKS_PATH, "must be a path such as /signward/webhooks");
        }
        List<String> secrets = values.list(ConfigKey.WEBHOOKS_SECRET).orElse(List.of());
        if (secrets.isEmpty()) {
            throw new ConfigException(ConfigKey.WEBHOOKS_SECRET, "is required when signward.webhooks.enabled=true");
        }
        if (secrets.stream().anyMatch(secret -> !secret.startsWith(SECRET_PREFIX)
                || secret.length() <= SECRET_PREFIX.length())) {
            throw new ConfigException(ConfigKey.WEBHOOKS_SECRET, "each secret must be a subscription secret "
                    + "starting with " + SECRET_PREFIX);
        }
        return Optional.of(new WebhookSettings(path, secrets));
    }

    /** Whether a request is for the endpoint: its path within the application equals {@link #path()}. */
    boolean matches(String contextPath, String requestUri) {
        return requestUri != null && requestUri.equals(contextPath + path);
    }

    @Override
    public String toString() { // never the secrets
        return "WebhookSettings[path=" + path + ", " + secrets.size() + " secret(s)]";
    }
}
