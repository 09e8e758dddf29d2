package com.signward.idserver;

import com.signward.idserver.FakeProvider.Response;
import com.signward.idserver.internal.jwt.MutableClock;
import com.signward.idserver.internal.oidc.ClientCredentials;
import com.signward.idserver.internal.oidc.OidcCore;
import com.signward.idserver.internal.oidc.ProviderException;
import com.signward.idserver.internal.oidc.TokenExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.signward.idserver.TestSupport.form;
import static com.signward.idserver.TestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The application's own tokens (client credentials) and exchanged tokens (RFC 8693): the grant sent, the cache
 * (one request per token until shortly before it expires), single flight under concurrency, failures.
 */
class ServiceTokensTest {

    private static final String TOKEN = "/connect/token";

    private final AtomicInteger issued = new AtomicInteger();
    private final MutableClock clock = new MutableClock();
    private FakeProvider provider;
    private OidcCore core;

    @BeforeEach
    void start() throws Exception {
        provider = new FakeProvider();
        provider.on(TOKEN, r -> {
            Thread.sleep(50); // slow enough for concurrent callers to meet
            return Response.json(200, "{\"access_token\":\"at-" + issued.incrementAndGet()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        });
        core = TestCores.core(options(provider.authority()).build(), clock);
    }

    @AfterEach
    void stop() {
        core.close();
        provider.close();
    }

    private List<Map<String, String>> grants() {
        return provider.requests(TOKEN).stream().map(r -> form(r.body())).toList();
    }

    @Test
    void clientCredentialsAreAskedForOnceAndCachedUntilShortlyBeforeExpiry() {
        ClientCredentials credentials = new ClientCredentials(core, List.of("orders.read", "orders.write"));
        assertEquals("at-1", credentials.token());
        assertEquals("at-1", credentials.token());
        assertEquals(1, grants().size());
        Map<String, String> grant = grants().get(0);
        assertEquals("client_credentials", grant.get("grant_type"));
        assertEquals("orders.read orders.write", grant.get("scope"));
        assertEquals("my-app", grant.get("client_id"), "client authentication as for every grant");
        assertEquals("s3cret", grant.get("client_secret"));

        clock.advance(Duration.ofSeconds(239)); // 300 s lifetime: renewed 60 s before expiry
        assertEquals("at-1", credentials.token());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("at-2", credentials.token());
        assertEquals(2, grants().size());
    }

    @Test
    void concurrentCallersShareOneTokenRequest() throws Exception {
        ClientCredentials credentials = new ClientCredentials(core, List.of());
        Set<String> tokens = concurrently(32, credentials::token);
        assertEquals(Set.of("at-1"), tokens);
        assertEquals(1, grants().size());
        assertFalse(grants().get(0).containsKey("scope"), "no scope configured: none sent");
    }

    @Test
    void anExchangeIsCachedPerSubjectToken() throws Exception {
        TokenExchange exchange = new TokenExchange(core, "orders-api", List.of(), 100);
        Set<String> tokens = concurrently(16, () -> exchange.exchange("caller-a"));
        assertEquals(Set.of("at-1"), tokens, "one exchange for concurrent calls of one caller");
        assertEquals("at-2", exchange.exchange("caller-b"));
        assertEquals("at-1", exchange.exchange("caller-a"));
        assertEquals(2, grants().size());
        Map<String, String> grant = grants().get(0);
        assertEquals("urn:ietf:params:oauth:grant-type:token-exchange", grant.get("grant_type"));
        assertEquals("caller-a", grant.get("subject_token"));
        assertEquals("urn:ietf:params:oauth:token-type:access_token", grant.get("subject_token_type"));
        assertEquals("orders-api", grant.get("audience"));
    }

    @Test
    void theExchangeCacheIsBounded() {
        TokenExchange exchange = new TokenExchange(core, "orders-api", List.of(), 3);
        for (int i = 0; i < 20; i++) {
            exchange.exchange("caller-" + i);
        }
        assertEquals(20, grants().size());
        // the first caller's entry was dropped to stay within the bound: asked for again
        exchange.exchange("caller-0");
        assertEquals(21, grants().size());
    }

    @Test
    void aRefusalFailsWithoutTokensInTheMessageAndIsNotRepeatedAtOnce() {
        provider.on(TOKEN, r -> Response.json(400, "{\"error\":\"invalid_client\"}"));
        TokenExchange exchange = new TokenExchange(core, "orders-api", List.of(), 100);
        ProviderException refused = assertThrows(ProviderException.class,
                () -> exchange.exchange("secret-subject-token"));
        assertEquals("invalid_client", refused.error());
        assertFalse(refused.getMessage().contains("secret-subject-token"), refused.getMessage());
        assertThrows(ProviderException.class, () -> exchange.exchange("secret-subject-token"));
        assertEquals(1, grants().size(), "a failure is remembered for a few seconds");
        clock.advance(Duration.ofSeconds(5));
        assertThrows(ProviderException.class, () -> exchange.exchange("secret-subject-token"));
        assertEquals(2, grants().size());
    }

    @Test
    void theClientAsksForServiceTokensUncached() {
        try (SignwardClient client = new SignwardClient(options(provider.authority()).build())) {
            TokenResponse own = client.clientCredentialsToken(List.of("reports"));
            TokenResponse exchanged = client.exchangeToken("caller-token", "reports-api");
            assertEquals(List.of("at-1", "at-2"), List.of(own.accessToken(), exchanged.accessToken()));
            assertEquals("reports-api", grants().get(1).get("audience"));
            provider.on(TOKEN, r -> Response.json(400, "{\"error\":\"unauthorized_client\"}"));
            TokenExchangeException refused = assertThrows(TokenExchangeException.class,
                    () -> client.clientCredentialsToken(List.of()));
            assertEquals("unauthorized_client", refused.error());
        }
    }

    private static Set<String> concurrently(int callers, java.util.concurrent.Callable<String> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            Set<String> tokens = new java.util.HashSet<>();
            for (Future<String> result : results) {
                tokens.add(result.get(30, TimeUnit.SECONDS));
            }
            return tokens.stream().collect(Collectors.toSet());
        } finally {
            pool.shutdownNow();
        }
    }
}
