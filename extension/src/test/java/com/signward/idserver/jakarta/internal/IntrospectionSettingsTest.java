package com.signward.idserver.jakarta.internal;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which bearer tokens go to introspection, and the keys that say so. */
class IntrospectionSettingsTest {

    private static final String JWS = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
    private static final String OPAQUE = "2YotnFZFEjr1zCsicMWpAA";

    private static SignwardDeployment read(Map<String, String> extra) {
        Map<String, String> config = new java.util.HashMap<>(Map.of("signward.authority",
                "https://mytenant.signward.com", "signward.client-id", "my-api"));
        config.putAll(extra);
        return SignwardDeployment.read(key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void offByDefault() {
        IntrospectionSettings settings = read(Map.of()).introspection();
        assertFalse(settings.introspects(OPAQUE));
        assertFalse(settings.introspects(JWS));
    }

    @Test
    void onlyTokensThatAreNotJwsUnlessForJwt() {
        IntrospectionSettings settings = read(Map.of("signward.introspection.enabled", "true")).introspection();
        assertTrue(settings.introspects(OPAQUE));
        assertTrue(settings.introspects("a.b.c.d.e"), "a JWE is not validated locally");
        assertFalse(settings.introspects(JWS));
        assertTrue(read(Map.of("signward.introspection.enabled", "true", "signward.introspection.for-jwt", "true"))
                .introspection().introspects(JWS));
    }

    @Test
    void theTtlReachesTheOptionsAndABadValueNamesItsKey() {
        assertEquals(java.time.Duration.ofMinutes(5), read(Map.of()).options().introspectionCacheTtl());
        assertEquals(java.time.Duration.ofSeconds(30),
                read(Map.of("signward.introspection.cache-ttl", "30s")).options().introspectionCacheTtl());
        ConfigException e = assertThrows(ConfigException.class,
                () -> read(Map.of("signward.introspection.cache-ttl", "soon")));
        assertTrue(e.getMessage().contains("signward.introspection.cache-ttl"), e.getMessage());
        ConfigException flag = assertThrows(ConfigException.class,
                () -> read(Map.of("signward.introspection.enabled", "yes please")));
        assertTrue(flag.getMessage().contains("signward.introspection.enabled"), flag.getMessage());
    }
}
