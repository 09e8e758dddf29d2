package com.signward.idserver.jakarta.internal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RFC 9728 settings and document. */
class ResourceMetadataSettingsTest {

    private static Optional<ResourceMetadataSettings> read(Map<String, String> config) {
        Map<String, String> all = new HashMap<>(config);
        return ResourceMetadataSettings.read(key -> Optional.ofNullable(all.get(key)));
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void offByDefault() {
        assertTrue(read(Map.of()).isEmpty());
    }

    @Test
    void theDocumentHasTheRfc9728Members() {
        ResourceMetadataSettings settings = read(Map.of("signward.resource-metadata.enabled", "true",
                "signward.resource-metadata.scopes", "orders.read, orders.write")).orElseThrow();
        JsonObject doc = parse(settings.document("https://api.example.com/orders", "https://t.signward.com"));
        assertEquals("https://api.example.com/orders", doc.getString("resource"));
        assertEquals(List.of("https://t.signward.com"), doc.getJsonArray("authorization_servers")
                .getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(List.of("header"), doc.getJsonArray("bearer_methods_supported")
                .getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(List.of("orders.read", "orders.write"), doc.getJsonArray("scopes_supported")
                .getValuesAs(jakarta.json.JsonString::getString));
    }

    @Test
    void scopesAreLeftOutUnlessConfigured() {
        ResourceMetadataSettings settings = read(Map.of("signward.resource-metadata.enabled", "true")).orElseThrow();
        assertFalse(parse(settings.document("https://api.example.com", "https://t.signward.com"))
                .containsKey("scopes_supported"));
    }

    @Test
    void theResourceAndPublicBaseUrlAreCheckedUrls() {
        ResourceMetadataSettings settings = read(Map.of("signward.resource-metadata.enabled", "true",
                "signward.resource-metadata.resource", "https://api.example.com/orders/",
                "signward.public-base-url", "https://api.example.com")).orElseThrow();
        assertEquals(Optional.of(URI.create("https://api.example.com/orders")), settings.resource());
        ConfigException e = assertThrows(ConfigException.class, () -> read(Map.of(
                "signward.resource-metadata.enabled", "true",
                "signward.resource-metadata.resource", "https://api.example.com/x#frag")));
        assertTrue(e.getMessage().contains("signward.resource-metadata.resource"), e.getMessage());
    }
}
