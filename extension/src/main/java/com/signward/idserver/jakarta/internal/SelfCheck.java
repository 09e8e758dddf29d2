package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.oidc.ProviderException;
import com.signward.idserver.internal.oidc.ProviderMetadata;
import com.signward.idserver.web.WebLoginSettings;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The decisions of the start-up self-check, without I/O: what the discovery document lacks for this configuration,
 * and the one summary line (the URIs to register at Signward, the issuer and audience expected, the problems, each
 * naming the key to change).
 */
final class SelfCheck {

    /** What {@code signward.startup.check} says to do. */
    enum Mode {
        WARN, FAIL, OFF;

        static Mode read(ConfigValues values) {
            String value = values.withDefault(ConfigKey.STARTUP_CHECK);
            for (Mode mode : values()) {
                if (mode.name().equalsIgnoreCase(value)) {
                    return mode;
                }
            }
            throw new ConfigException(ConfigKey.STARTUP_CHECK, "must be warn, fail or off");
        }
    }

    /**
     * One problem.
     *
     * @param key              the key to change (or to check)
     * @param problem          what is wrong, for the log
     * @param misconfiguration {@code true}: fails deployment in {@code fail} mode; {@code false}: a warning only
     */
    record Finding(ConfigKey key, String problem, boolean misconfiguration) {
        @Override
        public String toString() {
            return key.key() + ": " + problem;
        }
    }

    /** What the URIs start with when {@code signward.public-base-url} is not set. */
    static final String REQUEST_ORIGIN = "{origin of the request}";

    private SelfCheck() {
    }

    /** What the configuration needs and the discovery document does not offer. */
    static List<Finding> check(SignwardDeployment deployment, ProviderMetadata metadata) {
        List<Finding> findings = new ArrayList<>();
        JsonObject document = metadata.document();
        if (deployment.introspection().enabled() && !announces(document, "introspection_endpoint")) {
            findings.add(new Finding(ConfigKey.INTROSPECTION_ENABLED, "the discovery document has no "
                    + "introspection_endpoint: opaque tokens are sent to {authority}/connect/introspect", false));
        }
        Optional<WebLoginSettings> login = deployment.login();
        if (login.isEmpty()) {
            return findings;
        }
        if (!announces(document, "end_session_endpoint")) {
            findings.add(new Finding(ConfigKey.LOGOUT_POST_LOGOUT_REDIRECT, "the discovery document has no "
                    + "end_session_endpoint, so logout cannot send the browser back to "
                    + login.get().postLogoutRedirect() + " through Signward", true));
        }
        if (metadata.revocationEndpoint() == null) {
            findings.add(new Finding(ConfigKey.LOGOUT_PATH, "the discovery document has no revocation_endpoint: "
                    + "refresh tokens are not revoked at logout", false));
        }
        JsonValue methods = document.get("code_challenge_methods_supported");
        if (methods instanceof JsonArray array) {
            if (array.stream().noneMatch(m -> m instanceof JsonString s && s.getString().equals("S256"))) {
                findings.add(new Finding(ConfigKey.LOGIN_ENABLED, "code_challenge_methods_supported does not list "
                        + "S256, which browser login requires (PKCE)", true));
            }
        } else {
            findings.add(new Finding(ConfigKey.LOGIN_ENABLED, "the discovery document does not announce "
                    + "code_challenge_methods_supported; browser login needs PKCE S256", false));
        }
        return findings;
    }

    /**
     * A failed discovery: an issuer mismatch or an answer other than the document is a misconfiguration (wrong
     * authority or issuer); a network failure or a server error is Signward's problem, a warning only.
     */
    static Finding discoveryFailed(SignwardDeployment deployment, ProviderException failure) {
        String message = failure.getMessage() == null ? "discovery failed" : failure.getMessage();
        if (message.startsWith("issuer mismatch")) {
            ConfigKey key = deployment.options().issuer() != null ? ConfigKey.ISSUER : ConfigKey.AUTHORITY;
            return new Finding(key, message, true);
        }
        boolean clientError = message.matches(".*answered HTTP 4\\d\\d$") || message.contains("not a JSON object")
                || message.contains("has no issuer");
        return new Finding(ConfigKey.AUTHORITY, clientError ? message
                : "Signward is not reachable now (" + message + "); the check ran without the discovery document",
                clientError);
    }

    /**
     * The one line logged at start-up.
     *
     * @param contextPath the application's context path
     * @param issuer      the issuer of the discovery document, or {@code null} when it could not be read
     */
    static String summary(SignwardDeployment deployment, Optional<WebhookSettings> webhooks, String contextPath,
                          String issuer, List<Finding> findings) {
        StringBuilder line = new StringBuilder("Signward self-check: authority ")
                .append(deployment.options().authority())
                .append(", issuer ").append(issuer != null ? issuer
                        : Optional.ofNullable(deployment.options().issuer()).orElse("(not loaded)"))
                .append(", client id ").append(deployment.options().clientId())
                .append(", audience ").append(deployment.options().audience());
        List<String> register = new ArrayList<>();
        Optional<String> publicBase = deployment.login().flatMap(WebLoginSettings::publicBaseUrl).map(Object::toString)
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        String base = publicBase.orElse(REQUEST_ORIGIN) + contextPath;
        deployment.login().ifPresent(login -> {
            register.add("redirect URI " + base + login.callbackPath());
            String postLogout = login.postLogoutRedirect();
            register.add("post-logout redirect URI " + (postLogout.startsWith("/") ? base + postLogout : postLogout));
        });
        webhooks.ifPresent(w -> register.add("webhook URL " + base + w.path()));
        if (!register.isEmpty()) {
            line.append("; register at Signward: ").append(String.join(", ", register));
            if (publicBase.isEmpty()) {
                String key = ConfigKey.PUBLIC_BASE_URL.key();
                line.append(" (").append(REQUEST_ORIGIN).append(": the scheme, host and port of each request, as ")
                        .append(key).append(" is not set")
                        .append(deployment.login().isPresent() ? "; the first login logs the exact redirect URI" : "")
                        .append("; set ").append(key)
                        .append(", e.g. https://myapp.example.com, to fix them in advance)");
            }
        }
        line.append(findings.isEmpty() ? "; problems: none"
                : findings.stream().map(Finding::toString).collect(Collectors.joining("; ", "; problems: ", "")));
        return line.toString();
    }

    private static boolean announces(JsonObject document, String name) {
        return document.get(name) instanceof JsonString s && !s.getString().isBlank();
    }
}
