package com.signward.it.cluster;

import com.signward.it.support.Browser;
import com.signward.it.support.Deployments;
import com.signward.it.support.MockIdp;
import com.signward.it.support.SessionRequests;
import com.signward.it.support.SessionRequests.Response;
import com.signward.it.support.TestUser;
import com.signward.it.support.WebApp;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.signward.it.support.WebApp.userName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Back-channel logout across a real cluster: two Payara Micro nodes in one Hazelcast cluster on 127.0.0.1 (TCP/IP
 * member list, their own cluster name, no multicast), the same browser-login WAR on both with
 * {@code signward.state.store=jcache}. A user logs in on node A; the provider's logout token goes to node B only;
 * A ends the session on its next request and refuses the same token as a replay. A never received a logout call
 * (its log shows no accepted logout token, only the ended login and the refused replay), so the logout marker and
 * the token's {@code jti} reached it through the runtime's JCache (Hazelcast), which both nodes name at start-up.
 */
class TwoNodeClusterIT {

    private static final String CONTEXT = "signward-cluster";
    private static final String JCACHE_STORE_LOG = "Signward login: session state store: JCache cache "
            + "'signward-idserver-state' of the runtime (payara/CacheManager)";
    private static final String ACCEPTED_LOG = "Signward back-channel logout: the logins of ";
    private static final String ENDED_LOG = "ends: a back-channel logout ended it";
    private static final String REFUSED_LOG = "Signward back-channel logout refused";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    @Test
    void aLogoutTokenPostedToNodeBEndsTheSessionOnNodeA() throws Exception {
        Path dir = Path.of(System.getProperty("it.cluster.dir"));
        Path war = writeWar(dir);
        Path microJar = Path.of(System.getProperty("payara.micro.jar"));
        int hzA = Integer.getInteger("it.cluster.a.hz-port");
        int hzB = Integer.getInteger("it.cluster.b.hz-port");
        String members = "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
        String clusterName = "signward-it-" + UUID.randomUUID().toString().substring(0, 8);
        int httpA = Integer.getInteger("it.cluster.a.http-port");
        int httpB = Integer.getInteger("it.cluster.b.http-port");

        long started = System.nanoTime();
        try (PayaraNode a = PayaraNode.start(microJar, war, "node-a", dir.resolve("node-a"), httpA, hzA, clusterName, members);
             PayaraNode b = PayaraNode.start(microJar, war, "node-b", dir.resolve("node-b"), httpB, hzB, clusterName, members)) {
            a.awaitReady(START_TIMEOUT);
            b.awaitReady(START_TIMEOUT);
            System.out.printf("cluster: node-a ready in %d ms, node-b ready in %d ms (started together)%n",
                    a.startTime().toMillis(), b.startTime().toMillis());
            awaitOneCluster(a, b);
            for (PayaraNode node : new PayaraNode[] {a, b}) {
                assertTrue(node.log().contains(JCACHE_STORE_LOG), () -> node.name() + " does not use the runtime's "
                        + "JCache:\n" + node.tail());
            }

            WebApp nodeA = app(httpA);
            WebApp nodeB = app(httpB);
            TestUser user = TestUser.named("clara").withRoles("user");
            Browser browser = new Browser();
            nodeA.signIn(browser, user);
            assertEquals(user.name(), userName(browser.get(nodeA.url("profile"))), "signed in on node A");

            String token = SessionRequests.logoutToken(user.sub(), null);
            Response atB = SessionRequests.backchannelPost(nodeB.url("auth/backchannel-logout"), token);
            assertEquals(200, atB.status(), atB::describe);

            // A got no logout call: it learns of the logout from the cluster's cache
            nodeA.assertSentToLogin(browser.get(nodeA.url("profile")));

            Response replayAtA = SessionRequests.backchannelPost(nodeA.url("auth/backchannel-logout"), token);
            assertEquals(400, replayAtA.status(), replayAtA::describe);
            assertTrue(replayAtA.body().contains("already used"), replayAtA::describe);

            // what each node did, in its own words: B accepted the token and wrote the marker; A never got a
            // logout call, read the marker from the cluster's cache and ended the login; A refused the replay
            b.awaitLog(ACCEPTED_LOG, LOG_WAIT);
            a.awaitLog(ENDED_LOG, LOG_WAIT);
            a.awaitLog(REFUSED_LOG, LOG_WAIT);
            assertFalse(a.log().contains(ACCEPTED_LOG), a::tail);

            // a new login on A after the logout works
            nodeA.signIn(browser, user);
            assertEquals(user.name(), userName(browser.get(nodeA.url("profile"))), "signed in again on node A");
        } finally {
            System.out.printf("cluster: test with both nodes took %d ms%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    /** The browser-login WAR of the it-tests with the JCache store, written where both nodes deploy it from. */
    private static Path writeWar(Path dir) throws Exception {
        Files.createDirectories(dir);
        Map<String, String> config = Deployments.webConfig();
        config.put("signward.state.store", "jcache");
        WebArchive war = Deployments.webWar(CONTEXT, config);
        Path file = dir.resolve(CONTEXT + ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    /** Both nodes are members of one data grid (Payara logs its size when members come and go). */
    private static void awaitOneCluster(PayaraNode a, PayaraNode b) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!(a.log().contains("DG Size: 2") || b.log().contains("DG Size: 2"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the nodes did not form one cluster:\n" + a.tail() + "\n---\n" + b.tail());
            }
            Thread.sleep(250);
        }
    }

    private static WebApp app(int port) throws MalformedURLException {
        return new WebApp(URI.create("http://127.0.0.1:" + port + "/" + CONTEXT + "/").toURL());
    }

    static {
        MockIdp.get(); // the provider runs before the WAR's configuration names it
    }
}
