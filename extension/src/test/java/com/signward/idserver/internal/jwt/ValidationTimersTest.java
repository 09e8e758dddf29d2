package com.signward.idserver.internal.jwt;

import com.signward.idserver.internal.metrics.MetricNames;
import com.signward.idserver.internal.metrics.SignwardMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timers: every validation (cache hits too) and every JWKS fetch records one duration with fixed labels. */
class ValidationTimersTest {

    private final List<String> timed = new CopyOnWriteArrayList<>();

    @AfterEach
    void restore() {
        SignwardMetrics.install(SignwardMetrics.NOOP);
    }

    @Test
    void validationsAndFetchesAreTimed() throws Exception {
        SignwardMetrics.install(new SignwardMetrics() {
            @Override
            public void increment(String name, String... labels) {
            }

            @Override
            public void record(String name, Duration duration, String... labels) {
                assertTrue(!duration.isNegative(), duration::toString);
                timed.add(name + " " + String.join("=", labels));
            }
        });
        ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1);
        String token = f.tokens.token().signWith(TestKeys.RSA_1);
        f.validate(token);
        f.validate(token); // from the cache: timed too
        assertThrows(TokenRejectedException.class, () -> f.validate(token + "x"));
        assertEquals(List.of(
                MetricNames.JWKS_FETCH + " reason=initial=outcome=ok",
                MetricNames.TOKEN_VALIDATION + " outcome=accepted",
                MetricNames.TOKEN_VALIDATION + " outcome=accepted",
                MetricNames.TOKEN_VALIDATION + " outcome=rejected"), timed);
    }

    @Test
    void aFailingTimerIsIgnoredAndTheDefaultRecordsNothing() throws Exception {
        SignwardMetrics.install(new SignwardMetrics() {
            @Override
            public void increment(String name, String... labels) {
            }

            @Override
            public void record(String name, Duration duration, String... labels) {
                throw new IllegalStateException("backend down");
            }
        });
        ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1);
        f.validate(f.tokens.token().signWith(TestKeys.RSA_1)); // no exception
        SignwardMetrics counting = (name, labels) -> { };
        counting.record(MetricNames.JWKS_FETCH, Duration.ofSeconds(1)); // the default: nothing happens
        counting.gauge(MetricNames.JWKS_STALE_SECONDS, () -> 1);
    }
}
