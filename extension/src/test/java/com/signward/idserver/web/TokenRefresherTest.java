package com.signward.idserver.web;

import com.signward.idserver.internal.oidc.ProviderFailures;
import org.junit.jupiter.api.Test;
import com.signward.idserver.ExpectedWarnings;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.signward.idserver.web.TokenRefresher.Result.ENDED;
import static com.signward.idserver.web.TokenRefresher.Result.FAILED;
import static com.signward.idserver.web.TokenRefresher.Result.REFRESHED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ExpectedWarnings.class) // provokes the SDK's warnings on purpose: they go to target/expected-warnings.log
class TokenRefresherTest {

    private static final Instant EXPIRY = Instant.parse("2025-01-01T10:00:00Z");

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now = EXPIRY.minusSeconds(30);

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock();

    private TokenRefresher refresher(TokenRefresher.Refresh refresh) {
        return new TokenRefresher(refresh, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10),
                100, clock);
    }

    @Test
    void concurrentRequestsShareOneRefresh() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SessionLogin fresh = SessionLoginTest.login(EXPIRY.plusSeconds(3600), "rt-2");
        TokenRefresher refresher = refresher(current -> {
            calls.incrementAndGet();
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return fresh;
        });
        SessionLogin current = SessionLoginTest.login(EXPIRY, "rt-1");

        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<TokenRefresher.Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            outcomes.add(pool.submit(() -> refresher.refresh(current)));
        }
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        Thread.sleep(200); // let the others pile up behind the running refresh
        release.countDown();
        for (Future<TokenRefresher.Outcome> outcome : outcomes) {
            TokenRefresher.Outcome o = outcome.get(10, TimeUnit.SECONDS);
            assertEquals(REFRESHED, o.result());
            assertSame(fresh, o.login());
        }
        pool.shutdown();
        assertEquals(1, calls.get(), "exactly one token request");

        // a request that read the old login a little later still gets the new one, without a second request
        clock.advance(Duration.ofSeconds(30));
        assertSame(fresh, refresher.refresh(current).login());
        assertEquals(1, calls.get());
    }

    @Test
    void invalidGrantEndsTheLogin() {
        TokenRefresher refresher = refresher(current -> {
            throw ProviderFailures.tokenError("invalid_grant", "refresh token expired", 400);
        });
        assertEquals(ENDED, refresher.refresh(SessionLoginTest.login(EXPIRY, "rt")).result());
    }

    @Test
    void everyOAuthErrorAnswerEndsTheLogin() {
        for (String error : List.of("invalid_grant", "invalid_client", "unauthorized_client", "access_denied",
                "invalid_scope", "invalid_request")) {
            for (int status : new int[] {400, 401, 403}) {
                TokenRefresher refresher = refresher(current -> {
                    throw ProviderFailures.tokenError(error, null, status);
                });
                assertEquals(ENDED, refresher.refresh(SessionLoginTest.login(EXPIRY, "rt")).result(),
                        error + " " + status);
            }
        }
    }

    @Test
    void anotherNodeHoldingTheLeaseMakesNoTokenRequest() {
        AtomicInteger calls = new AtomicInteger();
        TokenRefresher refresher = new TokenRefresher(current -> {
            calls.incrementAndGet();
            return current;
        }, current -> false, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10), 100, clock);
        assertEquals(FAILED, refresher.refresh(SessionLoginTest.login(EXPIRY, "rt")).result());
        assertEquals(0, calls.get());
    }

    @Test
    void tokensThatDoNotFitTheLoginEndIt() {
        TokenRefresher refresher = refresher(current -> {
            throw LoginException.rejectedIdToken("the refreshed ID token names another subject (sub)");
        });
        assertEquals(ENDED, refresher.refresh(SessionLoginTest.login(EXPIRY, "rt")).result());
    }

    @Test
    void otherFailuresKeepTheLoginAndBackOff() {
        AtomicInteger calls = new AtomicInteger();
        TokenRefresher refresher = refresher(current -> {
            calls.incrementAndGet();
            throw ProviderFailures.transport("Signward is not reachable");
        });
        SessionLogin login = SessionLoginTest.login(EXPIRY, "rt");
        assertEquals(FAILED, refresher.refresh(login).result());
        assertEquals(FAILED, refresher.refresh(login).result());
        assertEquals(1, calls.get(), "no second attempt during the back-off");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(FAILED, refresher.refresh(login).result());
        assertEquals(2, calls.get(), "tried again after the back-off");

        TokenRefresher serverError = refresher(current -> {
            throw ProviderFailures.tokenError("server_error", null, 503);
        });
        assertEquals(FAILED, serverError.refresh(login).result());
        TokenRefresher noOAuthError = refresher(current -> {
            throw ProviderFailures.tokenError(null, null, 502);
        });
        assertEquals(FAILED, noOAuthError.refresh(login).result());

        TokenRefresher bug = refresher(current -> {
            throw new IllegalStateException("a bug");
        });
        assertEquals(FAILED, bug.refresh(login).result());
    }

    @Test
    void theMapOfFlightsStaysBounded() {
        TokenRefresher refresher = new TokenRefresher(current -> current, Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(10), 5, clock);
        for (int i = 0; i < 50; i++) {
            refresher.refresh(SessionLoginTest.login(EXPIRY, "rt"));
        }
        assertTrue(refresher.size() <= 6, "size " + refresher.size());
    }
}
