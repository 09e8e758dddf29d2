package com.signward.idserver.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The {@code signward.*} configuration that points an application at a {@link FakeSignward}: the
 * {@code META-INF/microprofile-config.properties} text ({@link #toString()}), a {@link Properties} or a map.
 * Immutable; every method returns a changed copy.
 * <pre>{@code
 * war.addAsResource(new StringAsset(SignwardConfig.of(fake).clientId("my-api").toString()),
 *         "META-INF/microprofile-config.properties");
 * }</pre>
 */
public final class SignwardConfig {

    private final Map<String, String> values;

    private SignwardConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** {@code signward.authority} = the fake's authority and {@code signward.client-id} = {@code test-app}. */
    public static SignwardConfig of(FakeSignward fake) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("signward.authority", fake.authority());
        values.put("signward.client-id", "test-app");
        return new SignwardConfig(values);
    }

    /** {@code signward.client-id}. */
    public SignwardConfig clientId(String value) {
        return set("signward.client-id", value);
    }

    /** {@code signward.client-secret}. */
    public SignwardConfig clientSecret(String value) {
        return set("signward.client-secret", value);
    }

    /** {@code signward.audience} (the application's default is {@code idserver-api}, as the fake's tokens). */
    public SignwardConfig audience(String value) {
        return set("signward.audience", value);
    }

    /** {@code signward.login.enabled}: browser login on or off. */
    public SignwardConfig loginEnabled(boolean on) {
        return set("signward.login.enabled", String.valueOf(on));
    }

    /** Any further key (e.g. {@code signward.jwks.max-stale}). */
    public SignwardConfig set(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(values);
        more.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
        return new SignwardConfig(more);
    }

    /** The keys and values, in the order set. */
    public Map<String, String> toMap() {
        return values;
    }

    /** As {@link Properties}. */
    public Properties toProperties() {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    /** The {@code microprofile-config.properties} text: one {@code key=value} line per key. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
