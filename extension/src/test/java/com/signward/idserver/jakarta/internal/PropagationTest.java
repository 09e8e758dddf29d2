package com.signward.idserver.jakarta.internal;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which token an outgoing request gets: allowed hosts, modes, the application's own header, exchange. */
@org.junit.jupiter.api.extension.ExtendWith(com.signward.idserver.ExpectedWarnings.class) // the empty-hosts warning
class PropagationTest {

    private static final Optional<String> CALLER = Optional.of("caller-access-token");

    private final AtomicInteger serviceTokens = new AtomicInteger();
    private final List<String> exchanged = new ArrayList<>();

    private static PropagationSettings settings(Map<String, String> config) {
        return PropagationSettings.read(key -> Optional.ofNullable(config.get(key)));
    }

    private Propagation propagation(Map<String, String> config) {
        return new Propagation(settings(config), () -> "service-token-" + serviceTokens.incrementAndGet(),
                token -> {
                    exchanged.add(token);
                    return "exchanged-" + token;
                });
    }

    private static Map<String, String> hosts(String hosts, String mode) {
        return Map.of("signward.propagation.allowed-hosts", hosts, "signward.propagation.mode", mode);
    }

    @Test
    void hostsMatchExactlyAndCaseInsensitively() {
        PropagationSettings settings = settings(Map.of("signward.propagation.allowed-hosts",
                "Orders.Example.com, 127.0.0.1:8080, [::1]:9000"));
        assertTrue(settings.allows(URI.create("https://orders.example.com/api")));
        assertTrue(settings.allows(URI.create("http://ORDERS.EXAMPLE.COM:81/api")), "no port in the entry: any");
        assertTrue(settings.allows(URI.create("http://127.0.0.1:8080/x")));
        assertTrue(settings.allows(URI.create("http://[::1]:9000/x")));
        assertFalse(settings.allows(URI.create("http://127.0.0.1:8081/x")), "another port");
        assertFalse(settings.allows(URI.create("http://127.0.0.1/x")), "port 80");
        assertFalse(settings.allows(URI.create("http://localhost:8080/x")), "another name of the same host");
        assertFalse(settings.allows(URI.create("https://orders.example.com.evil.test/")));
        assertFalse(settings.allows(URI.create("https://evil.test/?orders.example.com")));
        assertFalse(settings.allows(URI.create("https://sub.orders.example.com/")));
        assertFalse(settings.allows(URI.create("https://orders.example.com@evil.test/")));
        assertFalse(settings.allows(URI.create("/relative")));
    }

    @Test
    void defaultPortsCountWhenTheEntryNamesOne() {
        PropagationSettings settings = settings(Map.of("signward.propagation.allowed-hosts",
                "a.example:443,b.example:80"));
        assertTrue(settings.allows(URI.create("https://a.example/")));
        assertFalse(settings.allows(URI.create("http://a.example/")));
        assertTrue(settings.allows(URI.create("http://b.example/")));
    }

    @Test
    void badSettingsNameTheirKey() {
        for (String bad : List.of("https://a.example", "a.example:0", "a.example:x", "a.example/path", "::1")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> settings(Map.of("signward.propagation.allowed-hosts", bad)), bad);
            assertTrue(e.getMessage().contains("signward.propagation.allowed-hosts"), e.getMessage());
        }
        ConfigException mode = assertThrows(ConfigException.class,
                () -> settings(Map.of("signward.propagation.mode", "always")));
        assertTrue(mode.getMessage().contains("signward.propagation.mode"), mode.getMessage());
    }

    @Test
    void byDefaultNothingIsSentAnywhere() {
        Propagation propagation = propagation(Map.of());
        assertEquals(Optional.empty(), propagation.token(URI.create("http://127.0.0.1/"), false, () -> CALLER));
        assertEquals(PropagationSettings.Mode.CALLER, settings(Map.of()).mode());
    }

    @Test
    void callerModeSendsTheCallersTokenOrNothing() {
        Propagation propagation = propagation(hosts("api.example", "caller"));
        URI api = URI.create("https://api.example/orders");
        assertEquals(CALLER, propagation.token(api, false, () -> CALLER));
        assertEquals(Optional.empty(), propagation.token(api, false, Optional::empty), "anonymous: no header");
        assertEquals(Optional.empty(), propagation.token(URI.create("https://other.example/"), false, () -> CALLER));
        assertEquals(0, serviceTokens.get());
    }

    @Test
    void clientCredentialsModeAlwaysSendsTheServiceToken() {
        Propagation propagation = propagation(hosts("api.example", "client-credentials"));
        URI api = URI.create("https://api.example/orders");
        assertEquals(Optional.of("service-token-1"), propagation.token(api, false, () -> {
            throw new AssertionError("the caller is not asked for");
        }));
        assertEquals(Optional.of("service-token-2"), propagation.token(api, false, Optional::empty));
    }

    @Test
    void callerOrClientCredentialsFallsBackToTheServiceToken() {
        Propagation propagation = propagation(hosts("api.example", "caller-or-client-credentials"));
        URI api = URI.create("https://api.example/orders");
        assertEquals(CALLER, propagation.token(api, false, () -> CALLER));
        assertEquals(Optional.of("service-token-1"), propagation.token(api, false, Optional::empty));
    }

    @Test
    void theApplicationsOwnHeaderIsNeverReplaced() {
        Propagation propagation = propagation(hosts("api.example", "caller-or-client-credentials"));
        assertEquals(Optional.empty(), propagation.token(URI.create("https://api.example/"), true, () -> CALLER));
        assertEquals(0, serviceTokens.get());
    }

    @Test
    void onlyCallerTokensAreExchanged() {
        Propagation propagation = propagation(Map.of("signward.propagation.allowed-hosts", "api.example",
                "signward.propagation.mode", "caller-or-client-credentials",
                "signward.propagation.exchange.audience", "orders-api"));
        URI api = URI.create("https://api.example/orders");
        assertEquals(Optional.of("exchanged-caller-access-token"), propagation.token(api, false, () -> CALLER));
        assertEquals(Optional.of("service-token-1"), propagation.token(api, false, Optional::empty));
        assertEquals(List.of("caller-access-token"), exchanged);
    }
}
