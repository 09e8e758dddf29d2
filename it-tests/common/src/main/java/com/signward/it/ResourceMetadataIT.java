package com.signward.it;

import com.signward.idserver.testkit.FakeSignward;
import com.signward.idserver.testkit.SignwardConfig;
import com.signward.idserver.testkit.SignwardTestExtension;
import com.signward.idserver.testkit.WithFakeSignward;
import com.signward.it.support.Deployments;
import com.signward.it.support.Expect;
import com.signward.it.support.FakeLogin;
import com.signward.it.support.Http;
import com.signward.it.support.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728, {@code signward.resource-metadata.enabled=true}): the document at
 * the application's context root, and the {@code resource_metadata} parameter of every 401 challenge.
 */
@WithFakeSignward
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResourceMetadataIT {

    private static final String PATH = ".well-known/oauth-protected-resource";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("signward-resource-metadata", "com.signward.it.introspection",
                SignwardConfig.of(fake()).clientId("it-metadata")
                        .set("signward.resource-metadata.enabled", "true")
                        .set("signward.resource-metadata.scopes", "orders.read,orders.write").toMap());
    }

    private static FakeSignward fake() {
        return SignwardTestExtension.fakeFor(ResourceMetadataIT.class);
    }

    /** The absolute URL of the document, as a client would build it from the application's URL. */
    private String documentUrl() {
        String app = base.toExternalForm();
        return (app.endsWith("/") ? app : app + "/") + PATH;
    }

    private String resource() {
        String app = base.toExternalForm();
        return app.endsWith("/") ? app.substring(0, app.length() - 1) : app;
    }

    @Test
    void theDocumentNamesTheResourceItsAuthorizationServerAndScopes() throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(documentUrl())).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
        JsonObject doc = Json.createReader(new StringReader(r.body())).readObject();
        assertEquals(resource(), doc.getString("resource"));
        assertEquals("[\"" + fake().authority() + "\"]", doc.getJsonArray("authorization_servers").toString());
        assertEquals("[\"header\"]", doc.getJsonArray("bearer_methods_supported").toString());
        assertEquals("[\"orders.read\",\"orders.write\"]", doc.getJsonArray("scopes_supported").toString());
    }

    @Test
    void aChallengeWithoutCredentialNamesTheDocument() {
        Http.Response r = new Http(base).get("api/caller");
        Expect.authenticationRequired(r);
        assertTrue(r.wwwAuthenticate().orElse("").contains("resource_metadata=\"" + documentUrl() + "\""),
                r::describe);
    }

    @Test
    void anInvalidTokenChallengeNamesTheDocumentToo() {
        String token = fake().tokens().user(FakeLogin.user(TestUser.named("alice").withRoles("user")))
                .expired().sign();
        Http.Response r = new Http(base).get("api/caller", token);
        Expect.invalidToken(r, token, "token expired");
        assertTrue(r.wwwAuthenticate().orElse("").contains("resource_metadata=\"" + documentUrl() + "\""),
                r::describe);
    }

    @Test
    void aValidTokenIsServedAsBefore() {
        String token = fake().tokens().user(FakeLogin.user(TestUser.named("alice").withRoles("user"))).sign();
        Http.Response r = new Http(base).get("api/caller", token);
        Expect.ok(r);
        assertFalse(r.wwwAuthenticate().isPresent());
    }
}
