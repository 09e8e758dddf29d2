package com.signward.it;

import com.signward.it.support.Deployments;
import com.signward.it.support.Http;
import com.signward.it.support.MetricsText;
import com.signward.it.support.TestUser;
import com.signward.it.support.Tokens;
import com.signward.it.support.Webhooks;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The jar's counters in the runtime's MicroProfile Metrics ({@code it.metrics-url}; only where
 * {@code it.metrics-api=true}: Payara Micro, Open Liberty with mpMetrics-5.1): webhook outcomes, tokens validated (cache miss, then hit), rejected
 * tokens by rule, JWKS fetches — and no token or subject in any label. Elsewhere the application deploys and works.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    private static final String SECRET = "whsec_it-metrics-0123456789";
    private static final TestUser USER = TestUser.named("metrics-user-7f3a").withRoles("user");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = Deployments.defaultConfig();
        config.put("signward.webhooks.enabled", "true");
        config.put("signward.webhooks.secret", SECRET);
        return Deployments.war("signward-metrics", "com.signward.it.ops", config);
    }

    @Test
    void countersMove() {
        Webhooks webhooks = new Webhooks(base, "signward/webhooks");
        Http http = new Http(base);
        if (!Boolean.getBoolean("it.metrics-api")) {
            assertEquals(200, webhooks.send("user.created", "d-" + UUID.randomUUID(), "{}", SECRET).status());
            assertEquals(200, http.get("api/events").status(), "deploys and works without a metrics API");
            return;
        }
        MetricsText before = MetricsText.fetch(System.getProperty("it.metrics-url")); // 404 while the scope is empty
        assertEquals(200, webhooks.send("user.created", "d-" + UUID.randomUUID(), "{}", SECRET).status());
        assertEquals(400, webhooks.send("user.created", "d-" + UUID.randomUUID(), "{}", "whsec_wrong").status());
        String token = Tokens.valid(USER);
        assertEquals(200, http.get("api/events", token).status());
        assertEquals(200, http.get("api/events", token).status());
        assertEquals(401, http.get("api/events", Tokens.expired(USER)).status());

        MetricsText after = metrics();
        assertEquals(1, delta(before, after, "signward_webhooks", "outcome=\"ok\""), after::text);
        assertEquals(1, delta(before, after, "signward_webhooks", "outcome=\"invalid_signature\""), after::text);
        assertEquals(1, delta(before, after, "signward_tokens_validated", "cache=\"miss\""), after::text);
        assertEquals(1, delta(before, after, "signward_tokens_validated", "cache=\"hit\""), after::text);
        assertEquals(1, delta(before, after, "signward_tokens_rejected", "rule=\"token expired\""), after::text);
        assertEquals(1, after.value("signward_jwks_fetches", "reason=\"initial\"", "outcome=\"ok\""), after::text);
        assertFalse(after.text().contains(USER.sub()), "a subject in a label");
        assertFalse(after.text().contains(USER.email()), "an e-mail in a label");
        assertFalse(after.text().contains(token.substring(0, 20)), "a token in a label");
    }

    private static double delta(MetricsText before, MetricsText after, String name, String label) {
        return after.value(name, label) - before.value(name, label);
    }

    private static MetricsText metrics() {
        MetricsText metrics = MetricsText.fetch(System.getProperty("it.metrics-url"));
        assertEquals(200, metrics.status(), metrics::text);
        return metrics;
    }
}
