package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.oidc.ProviderFailures;
import com.signward.idserver.internal.oidc.ProviderMetadata;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up self-check's decisions and its summary line. */
class SelfCheckTest {

    private static final String AUTHORITY = "https://mytenant.signward.com";

    private final Map<String, String> config = new HashMap<>(Map.of(
            "signward.authority", AUTHORITY,
            "signward.client-id", "my-app"));

    private SignwardDeployment deployment() {
        return SignwardDeployment.read(key -> Optional.ofNullable(config.get(key)));
    }

    private static JsonObjectBuilder fullDocument() {
        return Json.createObjectBuilder()
                .add("issuer", AUTHORITY)
                .add("end_session_endpoint", AUTHORITY + "/connect/endsession")
                .add("revocation_endpoint", AUTHORITY + "/connect/revoke")
                .add("code_challenge_methods_supported", Json.createArrayBuilder().add("plain").add("S256"));
    }

    private static ProviderMetadata metadata(JsonObject doc) {
        URI base = URI.create(AUTHORITY + "/connect/x");
        return new ProviderMetadata(doc, AUTHORITY, base, base, base,
                doc.containsKey("revocation_endpoint") ? URI.create(doc.getString("revocation_endpoint")) : null,
                base, base, true, false);
    }

    private List<SelfCheck.Finding> check(JsonObject doc) {
        return SelfCheck.check(deployment(), metadata(doc));
    }

    @Test
    void bearerOnlyNeedsNothingBeyondDiscovery() {
        assertEquals(List.of(), check(Json.createObjectBuilder().add("issuer", AUTHORITY).build()));
    }

    @Test
    void introspectionWithoutAnAnnouncedEndpointWarnsNamingTheKey() {
        config.put("signward.introspection.enabled", "true");
        List<SelfCheck.Finding> findings = check(Json.createObjectBuilder().add("issuer", AUTHORITY).build());
        assertEquals(1, findings.size());
        assertEquals(ConfigKey.INTROSPECTION_ENABLED, findings.get(0).key());
        assertFalse(findings.get(0).misconfiguration());
        assertTrue(findings.get(0).toString().startsWith("signward.introspection.enabled: "));
        assertEquals(List.of(), check(Json.createObjectBuilder().add("issuer", AUTHORITY)
                .add("introspection_endpoint", AUTHORITY + "/connect/introspect").build()));
    }

    @Test
    void loginWithAFullDocumentIsFine() {
        config.put("signward.login.enabled", "true");
        assertEquals(List.of(), check(fullDocument().build()));
    }

    @Test
    void missingEndSessionEndpointNamesThePostLogoutKeyAndIsHard() {
        config.put("signward.login.enabled", "true");
        List<SelfCheck.Finding> findings = check(fullDocument().remove("end_session_endpoint").build());
        assertEquals(1, findings.size());
        assertEquals(ConfigKey.LOGOUT_POST_LOGOUT_REDIRECT, findings.get(0).key());
        assertTrue(findings.get(0).misconfiguration());
        assertTrue(findings.get(0).toString().startsWith("signward.logout.post-logout-redirect: "));
    }

    @Test
    void pkceWithoutS256IsHardAndAnUnannouncedListOnlyAWarning() {
        config.put("signward.login.enabled", "true");
        List<SelfCheck.Finding> plainOnly = check(fullDocument()
                .add("code_challenge_methods_supported", Json.createArrayBuilder().add("plain")).build());
        assertEquals(ConfigKey.LOGIN_ENABLED, plainOnly.get(0).key());
        assertTrue(plainOnly.get(0).misconfiguration());
        List<SelfCheck.Finding> unannounced = check(fullDocument().remove("code_challenge_methods_supported").build());
        assertEquals(ConfigKey.LOGIN_ENABLED, unannounced.get(0).key());
        assertFalse(unannounced.get(0).misconfiguration());
    }

    @Test
    void missingRevocationEndpointIsAWarningOnly() {
        config.put("signward.login.enabled", "true");
        List<SelfCheck.Finding> findings = check(fullDocument().remove("revocation_endpoint").build());
        assertEquals(1, findings.size());
        assertFalse(findings.get(0).misconfiguration());
    }

    @Test
    void issuerMismatchIsHardAndNamesTheIssuerKeyWhenSet() {
        SelfCheck.Finding authority = SelfCheck.discoveryFailed(deployment(),
                ProviderFailures.discovery("issuer mismatch: the discovery document names 'x' but 'y' is expected"));
        assertEquals(ConfigKey.AUTHORITY, authority.key());
        assertTrue(authority.misconfiguration());
        config.put("signward.issuer", "https://other.example.com");
        assertEquals(ConfigKey.ISSUER, SelfCheck.discoveryFailed(deployment(),
                ProviderFailures.discovery("issuer mismatch: ...")).key());
    }

    @Test
    void unreachableSignwardIsNotAMisconfigurationButA404Is() {
        assertFalse(SelfCheck.discoveryFailed(deployment(), ProviderFailures.discovery(
                "discovery request to x failed: connection refused")).misconfiguration());
        assertFalse(SelfCheck.discoveryFailed(deployment(), ProviderFailures.discovery(
                "discovery endpoint x answered HTTP 503")).misconfiguration());
        assertTrue(SelfCheck.discoveryFailed(deployment(), ProviderFailures.discovery(
                "discovery endpoint x answered HTTP 404")).misconfiguration());
    }

    @Test
    void summaryNamesTheUrisToRegisterAndTheProblems() {
        config.put("signward.login.enabled", "true");
        config.put("signward.public-base-url", "https://myapp.example.com/");
        config.put("signward.logout.post-logout-redirect", "/bye");
        Optional<WebhookSettings> webhooks = WebhookSettings.read(key -> Optional.ofNullable(Map.of(
                "signward.webhooks.enabled", "true", "signward.webhooks.secret", "whsec_abc").get(key)));
        String line = SelfCheck.summary(deployment(), webhooks, "/shop", AUTHORITY,
                check(fullDocument().remove("end_session_endpoint").build()));
        assertTrue(line.startsWith("Signward self-check: authority " + AUTHORITY + ", issuer " + AUTHORITY
                + ", client id my-app, audience idserver-api; register at Signward: redirect URI "
                + "https://myapp.example.com/shop/auth/callback, post-logout redirect URI "
                + "https://myapp.example.com/shop/bye, webhook URL https://myapp.example.com/shop/signward/webhooks"
                + "; problems: signward.logout.post-logout-redirect: "), line);
        assertFalse(line.contains("whsec_abc"));
        assertTrue(SelfCheck.summary(deployment(), Optional.empty(), "", null, List.of()).endsWith("problems: none"));
    }

    @Test
    void withoutAPublicBaseUrlTheSummarySaysWhereTheUrisComeFromAndWhichKeyFixesThem() {
        config.put("signward.login.enabled", "true");
        String line = SelfCheck.summary(deployment(), Optional.empty(), "/shop", AUTHORITY, List.of());
        assertTrue(line.contains("register at Signward: redirect URI {origin of the request}/shop/auth/callback, "
                + "post-logout redirect URI {origin of the request}/shop/ ({origin of the request}: the scheme, host "
                + "and port of each request, as signward.public-base-url is not set; the first login logs the exact "
                + "redirect URI; set signward.public-base-url, e.g. https://myapp.example.com, to fix them in "
                + "advance); problems: none"), line);
        assertFalse(line.contains("<public base URL>"), line);

        config.put("signward.login.enabled", "false");
        Optional<WebhookSettings> webhooks = WebhookSettings.read(key -> Optional.ofNullable(Map.of(
                "signward.webhooks.enabled", "true", "signward.webhooks.secret", "whsec_abc").get(key)));
        String webhooksOnly = SelfCheck.summary(deployment(), webhooks, "/shop", AUTHORITY, List.of());
        assertTrue(webhooksOnly.contains("webhook URL {origin of the request}/shop/signward/webhooks "
                + "({origin of the request}: the scheme, host and port of each request, as signward.public-base-url "
                + "is not set; set signward.public-base-url"), webhooksOnly);
        assertFalse(webhooksOnly.contains("first login"), webhooksOnly);

        config.put("signward.login.enabled", "true");
        config.put("signward.public-base-url", "https://myapp.example.com");
        assertFalse(SelfCheck.summary(deployment(), Optional.empty(), "/shop", AUTHORITY, List.of())
                .contains("{origin of the request}"));
    }

    @Test
    void modeIsReadStrictly() {
        assertEquals(SelfCheck.Mode.WARN, SelfCheck.Mode.read(new ConfigValues(key -> Optional.empty())));
        assertEquals(SelfCheck.Mode.FAIL, SelfCheck.Mode.read(new ConfigValues(key -> Optional.of("FAIL"))));
        assertTrue(assertThrows(ConfigException.class, () -> SelfCheck.Mode.read(new ConfigValues(
                key -> Optional.of("loud")))).getMessage().startsWith("signward.startup.check: "));
    }

    @Test
    void webhookSettingsNameTheKeyOfABadValue() {
        Map<String, String> hooks = new HashMap<>(Map.of("signward.webhooks.enabled", "true"));
        assertTrue(assertThrows(ConfigException.class, () -> WebhookSettings.read(key -> Optional.ofNullable(
                hooks.get(key)))).getMessage().startsWith("signward.webhooks.secret: "));
        hooks.put("signward.webhooks.secret", "not-a-whsec");
        assertTrue(assertThrows(ConfigException.class, () -> WebhookSettings.read(key -> Optional.ofNullable(
                hooks.get(key)))).getMessage().startsWith("signward.webhooks.secret: "));
        hooks.put("signward.webhooks.secret", "whsec_new, whsec_old");
        hooks.put("signward.webhooks.path", "hooks");
        assertTrue(assertThrows(ConfigException.class, () -> WebhookSettings.read(key -> Optional.ofNullable(
                hooks.get(key)))).getMessage().startsWith("signward.webhooks.path: "));
        hooks.remove("signward.webhooks.path");
        WebhookSettings settings = WebhookSettings.read(key -> Optional.ofNullable(hooks.get(key))).orElseThrow();
        assertEquals(List.of("whsec_new", "whsec_old"), settings.secrets());
        assertEquals("/signward/webhooks", settings.path());
        assertFalse(settings.toString().contains("whsec_"));
        assertTrue(settings.matches("/app", "/app/signward/webhooks"));
        assertFalse(settings.matches("/app", "/app/signward/webhooks/x"));
    }
}
