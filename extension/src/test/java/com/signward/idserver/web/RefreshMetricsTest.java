package com.signward.idserver.web;

import com.signward.idserver.internal.metrics.SignwardMetrics;
import com.signward.idserver.internal.oidc.ProviderFailures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each session refresh is counted once by its outcome. */
@org.junit.jupiter.api.extension.ExtendWith(com.signward.idserver.ExpectedWarnings.class) // provokes the SDK's warnings on purpose
class RefreshMetricsTest {

    private static final Instant EXPIRY = Instant.parse("2025-01-01T10:00:00Z");
    private final List<String> counted = new CopyOnWriteArrayList<>();

    @AfterEach
    void restore() {
        SignwardMetrics.install(SignwardMetrics.NOOP);
    }

    @Test
    void refreshedEndedAndFailedAreCounted() {
        SignwardMetrics.install((name, labels) -> counted.add(name + " " + String.join("=", labels)));
        Clock clock = Clock.fixed(EXPIRY.minusSeconds(30), ZoneOffset.UTC);
        SessionLogin fresh = SessionLoginTest.login(EXPIRY.plusSeconds(3600), "rt-2");
        new TokenRefresher(current -> fresh, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10),
                100, clock).refresh(SessionLoginTest.login(EXPIRY, "rt-1"));
        new TokenRefresher(current -> {
            throw ProviderFailures.tokenError("invalid_grant", null, 400);
        }, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10), 100, clock)
                .refresh(SessionLoginTest.login(EXPIRY, "rt-3"));
        new TokenRefresher(current -> {
            throw ProviderFailures.transport("connection refused");
        }, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10), 100, clock)
                .refresh(SessionLoginTest.login(EXPIRY, "rt-4"));
        assertEquals(List.of("signward.refreshes outcome=refreshed", "signward.refreshes outcome=ended",
                "signward.refreshes outcome=failed"), counted);
    }
}
