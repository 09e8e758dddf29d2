package com.signward.idserver;

import com.signward.idserver.FakeProvider.Response;
import com.signward.idserver.internal.jwt.JwksResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpJwksFetcherTest {

    @Test
    void readsBodyAndMaxAge() throws Exception {
        try (FakeProvider provider = new FakeProvider()) {
            provider.on("/jwks", r -> new Response(200, "application/jwk-set+json", "{\"keys\":[]}",
                    Map.of("Cache-Control", "public, max-age=600, must-revalidate")));
            HttpJwksFetcher fetcher = new HttpJwksFetcher(HttpClient.newHttpClient(),
                    () -> URI.create(provider.authority() + "/jwks"), Duration.ofSeconds(5));
            JwksResponse response = fetcher.fetch();
            assertEquals("{\"keys\":[]}", response.body());
            assertEquals(Optional.of(Duration.ofMinutes(10)), response.maxAge());
            assertTrue(provider.requests("/jwks").get(0).header("Accept").contains("application/jwk-set+json"));
        }
    }

    @Test
    void non2xxIsAnIOException() throws Exception {
        try (FakeProvider provider = new FakeProvider()) {
            provider.on("/jwks", r -> new Response(404, "text/plain", "nope", Map.of()));
            HttpJwksFetcher fetcher = new HttpJwksFetcher(HttpClient.newHttpClient(),
                    () -> URI.create(provider.authority() + "/jwks"), Duration.ofSeconds(5));
            assertTrue(assertThrows(IOException.class, fetcher::fetch).getMessage().contains("HTTP 404"));
        }
    }

    @Test
    void discoveryFailureIsAnIOException() {
        HttpJwksFetcher fetcher = new HttpJwksFetcher(HttpClient.newHttpClient(), () -> {
            throw new DiscoveryException("down");
        }, Duration.ofSeconds(5));
        assertThrows(IOException.class, fetcher::fetch);
    }

    @Test
    void maxAgeParsing() {
        assertEquals(Optional.of(Duration.ofSeconds(60)), HttpJwksFetcher.maxAge(List.of("max-age=60")));
        assertEquals(Optional.of(Duration.ofSeconds(5)), HttpJwksFetcher.maxAge(List.of("no-cache", "Max-Age=\"5\"")));
        assertEquals(Optional.of(Duration.ZERO), HttpJwksFetcher.maxAge(List.of("private, max-age=0")));
        assertEquals(Optional.empty(), HttpJwksFetcher.maxAge(List.of("no-store")));
        assertEquals(Optional.empty(), HttpJwksFetcher.maxAge(List.of("max-age=soon")));
        assertEquals(Optional.empty(), HttpJwksFetcher.maxAge(List.of("max-age=-1")));
        assertEquals(Optional.empty(), HttpJwksFetcher.maxAge(List.of("s-maxage=60")));
        assertEquals(Optional.empty(), HttpJwksFetcher.maxAge(List.of()));
    }
}
