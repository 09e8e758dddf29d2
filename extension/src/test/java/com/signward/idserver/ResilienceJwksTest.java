package com.signward.idserver;

import com.signward.idserver.internal.jwt.MutableClock;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Resilience of {@link SignwardClient#validateToken} against a real provider on loopback whose JWKS endpoint
 * goes down, rotates keys, or is flooded with unknown key ids. Time is moved with an injected clock, so nothing
 * here waits for real minutes. The nested {@link LoopbackProvider}, {@link Minter} and the token tests' {@link MutableClock} are
 * shared with {@link ResilienceLoadTest}.
 */
@ExtendWith(ExpectedWarnings.class) // provokes the SDK's warnings on purpose: they go to target/expected-warnings.log
class ResilienceJwksTest {
    static final PublicJsonWebKey RSA_1 = rsa("rsa-1");
    static final PublicJsonWebKey RSA_2 = rsa("rsa-2");
    static final PublicJsonWebKey EC_1 = ec("ec-1");

    private final MutableClock clock = new MutableClock();
    private LoopbackProvider provider;
    private SignwardClient client;

    @BeforeEach
    void start() throws IOException {
        provider = new LoopbackProvider(RSA_1);
        provider.cacheControl("max-age=60");
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        provider.close();
    }

    private SignwardClient client(SignwardOptions.Builder options) {
        SignwardOptions built = options.authority(provider.base()).clientId("resilience").build();
        client = new SignwardClient(built, null, clock); // its own HTTP client, closed with it
        return client;
    }

    @Test
    @Timeout(30)
    void jwksOutageKeepsKnownKeysUntilMaxStaleThenRejectsClearlyAndRecovers() {
        Minter minter = new Minter(provider.base());
        client(SignwardOptions.builder().jwksMaxStale(Duration.ofMinutes(10)));
        String seenBefore = minter.token(RSA_1, UUID.randomUUID());
        client.validateToken(seenBefore);
        assertEquals(1, provider.jwksHits());

        provider.jwksStatus(503);
        clock.advance(Duration.ofMinutes(2)); // past max-age=60: the next fresh token triggers a refresh, which fails
        UUID user = UUID.randomUUID();
        assertEquals(user, client.validateToken(minter.token(RSA_1, user)).userId());
        assertEquals(2, provider.jwksHits());
        assertEquals(user, client.validateToken(minter.token(RSA_1, user)).userId());
        assertEquals(2, provider.jwksHits(), "a failed fetch is not retried on every call");

        clock.advance(Duration.ofMinutes(7).plusSeconds(50)); // 9:50 after the last good fetch
        assertEquals(user, client.validateToken(minter.token(RSA_1, user)).userId());
        assertEquals(3, provider.jwksHits(), "retried once the minimum refresh interval has passed");

        clock.advance(Duration.ofSeconds(11)); // 10:01: max-stale is over
        // a server-side problem, not a bad token: a plain SignwardException
        SignwardException rejected = assertThrows(SignwardException.class,
                () -> client.validateToken(minter.token(RSA_1, user)));
        assertFalse(rejected instanceof InvalidTokenException);
        assertTrue(rejected.getMessage().startsWith("signing keys unavailable"), rejected.getMessage());
        assertNull(rejected.getCause());
        assertEquals(3, provider.jwksHits(), "no new attempt before the minimum refresh interval has passed");
        // documented: a token validated before stays cached until its own exp, whatever happens to the JWKS
        assertEquals(minter.subjectOf(seenBefore), client.validateToken(seenBefore).userId());

        provider.jwksStatus(200);
        SignwardException stillDown = assertThrows(SignwardException.class,
                () -> client.validateToken(minter.token(RSA_1, user)),
                "within the minimum refresh interval after a failed fetch, the endpoint is not asked again");
        assertFalse(stillDown instanceof InvalidTokenException);
        clock.advance(Duration.ofSeconds(31));
        assertEquals(user, client.validateToken(minter.token(RSA_1, user)).userId());
        assertEquals(4, provider.jwksHits());
    }

    @Test
    @Timeout(60)
    void rotationUnder200ConcurrentValidationsCausesExactlyOneFetch() throws Exception {
        Minter minter = new Minter(provider.base());
        client(SignwardOptions.builder());
        client.validateToken(minter.token(RSA_1, UUID.randomUUID()));
        assertEquals(1, provider.jwksHits());

        int callers = 200;
        List<UUID> users = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            UUID user = UUID.randomUUID();
            users.add(user);
            tokens.add(minter.token(i % 2 == 0 ? RSA_2 : EC_1, user)); // two new kids at once
        }
        provider.serve(RSA_1, RSA_2, EC_1);
        provider.jwksDelay(Duration.ofMillis(300)); // keep the fetch in flight while all callers arrive
        clock.advance(Duration.ofSeconds(31)); // past the minimum refresh interval of the first fetch

        List<UUID> seen = runTogether(callers, i -> client.validateToken(tokens.get(i)).userId());
        assertEquals(users, seen);
        assertEquals(2, provider.jwksHits(), "one fetch for the rotation, shared by all 200 callers");
    }

    @Test
    @Timeout(60)
    void tenThousandUnknownKidsCauseAtMostOneFetchPerMinRefreshInterval() throws Exception {
        Minter minter = new Minter(provider.base());
        Duration interval = Duration.ofSeconds(30);
        client(SignwardOptions.builder().jwksMinRefreshInterval(interval));
        client.validateToken(minter.token(RSA_1, UUID.randomUUID()));
        assertEquals(1, provider.jwksHits());

        String forged = minter.token(EC_1, UUID.randomUUID()); // a key the provider does not publish
        SecureRandom random = new SecureRandom();
        int rounds = 10;
        int perRound = 1_000;
        Duration step = Duration.ofSeconds(10);
        AtomicInteger legitimate = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < rounds; round++) {
                List<Callable<String>> calls = new ArrayList<>();
                for (int i = 0; i < perRound; i++) {
                    String token = Minter.withKid(forged, Long.toHexString(random.nextLong()));
                    calls.add(() -> assertThrows(InvalidTokenException.class, () -> client.validateToken(token))
                            .getMessage());
                }
                UUID user = UUID.randomUUID();
                String fresh = minter.token(RSA_1, user);
                calls.add(() -> {
                    assertEquals(user, client.validateToken(fresh).userId()); // real users are unaffected
                    legitimate.incrementAndGet();
                    return "ok";
                });
                for (Future<String> result : pool.invokeAll(calls, 20, TimeUnit.SECONDS)) {
                    String message = result.get();
                    assertTrue(message.equals("unknown key id (kid)") || message.equals("ok"), message);
                }
                clock.advance(step);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(rounds, legitimate.get());
        long elapsedSeconds = step.toSeconds() * (rounds - 1); // the clock stood still during each round
        long allowed = elapsedSeconds / interval.toSeconds() + 1;
        int refetches = provider.jwksHits() - 1;
        assertTrue(refetches >= 1, "an unknown kid does trigger a re-fetch");
        assertTrue(refetches <= allowed, refetches + " re-fetches in " + elapsedSeconds + " s, allowed " + allowed);
    }

    /** Runs {@code task(0..n-1)} on n threads released at once; returns the results in index order. */
    static <T> List<T> runTogether(int n, IndexedTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.run(index);
                }));
            }
            assertTrue(ready.await(20, TimeUnit.SECONDS));
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS), "no caller thread stays stuck");
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface IndexedTask<T> {
        T run(int index) throws Exception;
    }

    static PublicJsonWebKey rsa(String kid) {
        try {
            PublicJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublicJsonWebKey ec(String kid) {
        try {
            PublicJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An OpenID provider on 127.0.0.1 serving discovery and a JWKS that a test can break (status), slow down
     * (delay), rotate (serve) and count. Slow handlers are interrupted on {@link #close()}.
     */
    static final class LoopbackProvider implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService handlers = Executors.newFixedThreadPool(16);
        private final AtomicInteger discoveryHits = new AtomicInteger();
        private final AtomicInteger jwksHits = new AtomicInteger();
        private volatile String jwks;
        private volatile String cacheControl;
        private volatile int jwksStatus = 200;
        private volatile Duration jwksDelay = Duration.ZERO;
        private volatile Duration discoveryDelay = Duration.ZERO;

        LoopbackProvider(JsonWebKey... keys) throws IOException {
            serve(keys);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
            server.setExecutor(handlers);
            server.createContext("/.well-known/openid-configuration", exchange -> {
                discoveryHits.incrementAndGet();
                pause(discoveryDelay);
                String base = base();
                respond(exchange, 200, null, "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/jwks\","
                        + "\"authorization_endpoint\":\"" + base + "/connect/authorize\","
                        + "\"token_endpoint\":\"" + base + "/connect/token\"}");
            });
            server.createContext("/jwks", exchange -> {
                jwksHits.incrementAndGet();
                pause(jwksDelay);
                int status = jwksStatus;
                respond(exchange, status, status == 200 ? cacheControl : null,
                        status == 200 ? jwks : "{\"error\":\"unavailable\"}");
            });
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void serve(JsonWebKey... keys) {
            jwks = new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        }

        void cacheControl(String value) {
            cacheControl = value;
        }

        void jwksStatus(int status) {
            jwksStatus = status;
        }

        void jwksDelay(Duration delay) {
            jwksDelay = delay;
        }

        void discoveryDelay(Duration delay) {
            discoveryDelay = delay;
        }

        int jwksHits() {
            return jwksHits.get();
        }

        int discoveryHits() {
            return discoveryHits.get();
        }

        private static void pause(Duration delay) {
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static void respond(HttpExchange exchange, int status, String cacheControl, String body)
                throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (cacheControl != null) {
                exchange.getResponseHeaders().add("Cache-Control", cacheControl);
            }
            try (OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(status, bytes.length);
                out.write(bytes);
            } catch (IOException e) {
                // the client gave up (timeout): nothing to do
            }
        }

        @Override
        public void close() {
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    /** Signs access tokens for the provider's issuer with jose4j; real time for iat, one hour of lifetime. */
    static final class Minter {
        private final String issuer;

        Minter(String issuer) {
            this.issuer = issuer;
        }

        String token(PublicJsonWebKey key, UUID user) {
            JwtClaims claims = new JwtClaims();
            long now = Instant.now().getEpochSecond();
            claims.setIssuer(issuer);
            claims.setAudience("idserver-api");
            claims.setSubject(user.toString());
            claims.setClaim("email", user + "@example.test");
            claims.setIssuedAt(NumericDate.fromSeconds(now));
            claims.setExpirationTime(NumericDate.fromSeconds(now + 3600));
            claims.setJwtId(UUID.randomUUID().toString());
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue("EC".equals(key.getKeyType()) ? "ES256" : "RS256");
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setKey(key.getPrivateKey());
            try {
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The same token with another {@code kid} in its header (its signature no longer matters). */
        static String withKid(String token, String kid) {
            String header = "{\"alg\":\"ES256\",\"kid\":\"" + kid + "\"}";
            return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                    + token.substring(token.indexOf('.'));
        }

        UUID subjectOf(String token) {
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(payload))) {
                return UUID.fromString(reader.readObject().getString("sub"));
            }
        }
    }
}
