package com.signward.it;

import com.signward.idserver.testkit.FakeSignward;
import com.signward.idserver.testkit.SignwardBrowser;
import com.signward.idserver.testkit.SignwardTestExtension;
import com.signward.idserver.testkit.WithFakeSignward;
import com.signward.it.support.Deployments;
import com.signward.it.support.FakeLogin;
import com.signward.it.support.Http;
import com.signward.it.support.MetricsText;
import com.signward.it.support.OtlpReceiver;
import com.signward.it.support.SessionRequests;
import com.signward.it.support.TestUser;
import com.signward.it.support.WebApp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar's login, back-channel logout and token counters, its timers and its stale-keys gauge, read where the
 * runtime puts them: OpenTelemetry metrics pushed over OTLP to a receiver the test starts ({@code it.otel-api=true}:
 * WildFly with MicroProfile Telemetry), else the runtime's MicroProfile Metrics ({@code it.metrics-api=true}: Payara
 * Micro, Open Liberty). A browser signs in with the test kit's {@link SignwardBrowser}, the test kit's fake Signward
 * sends a back-channel logout, a bearer token is validated twice.
 */
@WithFakeSignward
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsMetricsIT {

    private static final Duration EXPORTED = Duration.ofSeconds(20);
    private static OtlpReceiver receiver;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new LinkedHashMap<>(FakeLogin.webConfig(fake()));
        if (!Boolean.getBoolean("it.otel-api")) {
            return Deployments.webWar("signward-opsmetrics", config);
        }
        // MicroProfile Telemetry: this application's metrics to the receiver, every half second; no traces or logs
        config.put("otel.sdk.disabled", "false");
        config.put("otel.metrics.exporter", "otlp");
        config.put("otel.traces.exporter", "none");
        config.put("otel.logs.exporter", "none");
        config.put("otel.exporter.otlp.protocol", "http/protobuf");
        config.put("otel.exporter.otlp.endpoint", receiver().endpoint());
        config.put("otel.metric.export.interval", "500");
        return Deployments.webWar("signward-opsmetrics", config);
    }

    private static synchronized OtlpReceiver receiver() {
        if (receiver == null) {
            receiver = OtlpReceiver.start();
        }
        return receiver;
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void loginLogoutTokensAndTimersAreMeasured() {
        boolean otel = Boolean.getBoolean("it.otel-api");
        boolean mp = Boolean.getBoolean("it.metrics-api");
        MetricsText before = mp ? MetricsText.fetch(System.getProperty("it.metrics-url")) : null;

        TestUser user = TestUser.named("metered").withRoles("user");
        URI profile = app("profile"); // registers this deployment's redirect URIs
        fake().register(fake().client(Deployments.WEB_CLIENT_ID).orElseThrow()
                .withBackchannelLogoutUri(app("auth/backchannel-logout")));
        fake().loginAs(FakeLogin.user(user));
        SignwardBrowser.Page page = new SignwardBrowser().get(profile);
        assertEquals(200, page.status(), page::body);
        assertEquals(200, fake().sendBackchannelLogout(Deployments.WEB_CLIENT_ID, null, user.sub()));
        assertEquals(400, SessionRequests.backchannelPost(app("auth/backchannel-logout"), "not-a-token").status());
        String token = new FakeLogin(fake()).tokens(user).sign();
        assertEquals(200, new Http(base).get("api/whoami", token).status());
        assertEquals(200, new Http(base).get("api/whoami", token).status());

        if (otel) {
            assertOtel();
        } else if (mp) {
            assertMicroProfile(before);
        }
    }

    private static void assertOtel() {
        OtlpReceiver r = receiver();
        Supplier<String> got = r::describe;
        assertEquals(1, r.await(1, EXPORTED, "signward.logins", "outcome=ok"), got);
        assertEquals(1, r.await(1, EXPORTED, "signward.logouts.backchannel", "outcome=ok", "rule=none"), got);
        assertEquals(1, r.await(1, EXPORTED, "signward.logouts.backchannel", "outcome=rejected",
                "rule=malformed token"), got);
        assertEquals(1, r.await(1, EXPORTED, "signward.tokens.validated", "cache=miss"), got);
        assertEquals(1, r.await(1, EXPORTED, "signward.tokens.validated", "cache=hit"), got);
        assertTrue(r.await(2, EXPORTED, "signward.tokens.validation", "outcome=accepted") >= 2, got);
        assertTrue(r.await(1, EXPORTED, "signward.jwks.fetch", "reason=initial", "outcome=ok") >= 1, got);
        assertTrue(r.describe().contains("signward.jwks.stale.seconds{}=0.0"), got);
    }

    private static void assertMicroProfile(MetricsText before) {
        MetricsText after = MetricsText.fetch(System.getProperty("it.metrics-url"));
        assertEquals(200, after.status(), after::text);
        assertEquals(1, delta(before, after, "signward_logins_total", "outcome=\"ok\""), after::text);
        assertEquals(1, delta(before, after, "signward_logouts_backchannel_total", "outcome=\"ok\"",
                "rule=\"none\""), after::text);
        assertEquals(1, delta(before, after, "signward_logouts_backchannel_total", "outcome=\"rejected\"",
                "rule=\"malformed token\""), after::text);
        assertTrue(delta(before, after, "signward_tokens_validation_seconds_count", "outcome=\"accepted\"") >= 2,
                after::text);
        assertTrue(after.value("signward_jwks_fetch_seconds_count", "reason=\"initial\"", "outcome=\"ok\"") >= 1,
                after::text);
        assertTrue(after.text().contains("signward_jwks_stale_seconds"), after::text);
    }

    private static double delta(MetricsText before, MetricsText after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static FakeSignward fake() {
        return SignwardTestExtension.fakeFor(OperationsMetricsIT.class);
    }

    private URI app(String path) {
        FakeLogin login = new FakeLogin(fake());
        return login.register(new WebApp(base, login)).url(path);
    }
}
