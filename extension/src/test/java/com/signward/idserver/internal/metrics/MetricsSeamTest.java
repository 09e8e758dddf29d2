package com.signward.idserver.internal.metrics;

import com.signward.idserver.internal.jwt.Rejections;
import com.signward.idserver.internal.webhook.InMemoryDeliveryLog;
import com.signward.idserver.internal.webhook.WebhookHandler;
import com.signward.idserver.internal.webhook.WebhookVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seam: counts reach the installed metrics with fixed labels; a failing backend changes nothing. */
@org.junit.jupiter.api.extension.ExtendWith(com.signward.idserver.ExpectedWarnings.class) // provokes the SDK's warnings on purpose
class MetricsSeamTest {

    private final List<String> counted = new CopyOnWriteArrayList<>();

    @AfterEach
    void restore() {
        SignwardMetrics.install(SignwardMetrics.NOOP);
    }

    @Test
    void webhookOutcomesAreCounted() {
        SignwardMetrics.install((name, labels) -> counted.add(name + String.join(",", labels)));
        WebhookHandler handler = new WebhookHandler(new WebhookVerifier(List.of("whsec_a"), Duration.ofMinutes(5),
                Clock.systemUTC()), new InMemoryDeliveryLog(Duration.ofHours(1), 10), delivery -> { },
                Clock.systemUTC());
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookVerifier.sign("whsec_a", Clock.systemUTC().instant().getEpochSecond(), body);
        handler.handle(signature, "user.created", "d-1", body);
        handler.handle(signature, "user.created", "d-1", body);
        handler.handle("t=1,v1=00", "user.created", "d-2", body);
        assertTrue(counted.containsAll(List.of("signward.webhooksoutcome,ok", "signward.webhooksoutcome,duplicate",
                "signward.webhooksoutcome,invalid_signature")), counted::toString);
        assertEquals(3, counted.size());
    }

    @Test
    void aFailingBackendIsIgnored() {
        SignwardMetrics.install((name, labels) -> {
            throw new IllegalStateException("backend down");
        });
        SignwardMetrics.count(MetricNames.WEBHOOKS, "outcome", "ok"); // no exception
    }

    @Test
    void rejectionRulesDropTheirVariablePart() {
        assertEquals("token expired", Rejections.rule(Rejections.EXPIRED));
        assertEquals("required claim missing", Rejections.rule("required claim missing: sub"));
        assertEquals("algorithm not allowed", Rejections.rule("algorithm not allowed: HS999"));
        assertEquals("no key fits algorithm", Rejections.rule("no key fits algorithm XYZ"));
        assertEquals("key does not fit algorithm", Rejections.rule("key does not fit algorithm RS256 (key type)"));
        assertEquals("other", Rejections.rule(null));
    }
}
