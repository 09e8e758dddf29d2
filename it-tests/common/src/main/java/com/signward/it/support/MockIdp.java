package com.signward.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The OpenID provider of the tests: one mock-oauth2-server per test JVM, on 127.0.0.1 and a free port,
 * started on first use (before the first {@code @Deployment} method builds its WAR, because the WAR's
 * configuration names its URL) and stopped when the JVM exits.
 * <p>
 * Browser logins go through its real interactive login page (user name and a claims JSON). Tokens issued at its
 * token endpoint for issuer {@value #ISSUER_ID} carry the audience {@value #AUDIENCE} and live
 * {@link #tokenLifetime(Duration) as long as a test says} (an hour by default). Every HTTP request it receives is
 * recorded; {@link #takeRequests()} hands them out.
 */
public final class MockIdp {

    /** The issuer id: the authority is {@code http://127.0.0.1:<port>/signward}. */
    public static final String ISSUER_ID = "signward";
    /** The {@code signward.client-id} of the test application. */
    public static final String CLIENT_ID = "it-api";
    /** The audience Signward puts into access tokens (the SDK's default). */
    public static final String AUDIENCE = "idserver-api";

    /** Token lifetime at the token endpoint unless a test changes it. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

    private static MockIdp instance;

    private final MockOAuth2Server server;
    private final KeyProvider keys;
    private final MockWebServer recorder;
    private volatile long tokenLifetimeSeconds = DEFAULT_TOKEN_LIFETIME.toSeconds();

    private MockIdp() {
        keys = new KeyProvider();
        MockWebServerWrapper http = new MockWebServerWrapper();
        // the token endpoint's default for this issuer: audience and lifetime; subject and claims come from the
        // login page (its user name and claims JSON)
        OAuth2TokenCallback tokenEndpoint = new DefaultOAuth2TokenCallback(ISSUER_ID, "unused", "JWT",
                List.of(AUDIENCE), Map.of(), DEFAULT_TOKEN_LIFETIME.toSeconds()) {
            @Override
            public long tokenExpiry() {
                return tokenLifetimeSeconds;
            }
        };
        server = new MockOAuth2Server(new OAuth2Config(true, null, null, false, new OAuth2TokenProvider(keys),
                Set.of(tokenEndpoint), http));
        recorder = http.getMockWebServer();
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mock-oauth2-server-stop"));
    }

    /** The running provider (started on the first call). */
    public static synchronized MockIdp get() {
        if (instance == null) {
            instance = new MockIdp();
        }
        return instance;
    }

    /** The underlying server. */
    public MockOAuth2Server server() {
        return server;
    }

    /**
     * The value for {@code signward.authority}, also the {@code iss} of every token: {@code http://127.0.0.1:<port>/signward}.
     * Built here because the server's own {@code issuerUrl} says {@code localhost}, while its discovery document
     * follows the Host header of the request (127.0.0.1 for the SDK).
     */
    public String authority() {
        return "http://127.0.0.1:" + server.baseUrl().port() + "/" + ISSUER_ID;
    }

    /** An access token from the provider's token machinery, with the claims the callback gives. */
    public String issue(OAuth2TokenCallback callback) {
        TokenRequest request = new TokenRequest.Builder(URI.create(authority() + "/token"),
                new ClientSecretBasic(new ClientID(CLIENT_ID), new Secret("unused")),
                // an authorization-code request, as issueToken makes (with client credentials, sub = client id)
                new AuthorizationCodeGrant(new AuthorizationCode("unused"), URI.create(authority()))).build();
        return server.getConfig().getTokenProvider()
                .accessToken(request, HttpUrl.get(authority()), callback, null)
                .serialize();
    }

    /**
     * The lifetime of the tokens the token endpoint issues from now on (login and refresh alike); {@code null}
     * restores {@link #DEFAULT_TOKEN_LIFETIME}.
     */
    public void tokenLifetime(Duration lifetime) {
        tokenLifetimeSeconds = (lifetime == null ? DEFAULT_TOKEN_LIFETIME : lifetime).toSeconds();
    }

    /** Takes every request recorded so far (oldest first) out of the record: the ones the provider received. */
    public List<Received> takeRequests() {
        List<Received> taken = new ArrayList<>();
        try {
            for (RecordedRequest r = recorder.takeRequest(0, TimeUnit.MILLISECONDS); r != null;
                 r = recorder.takeRequest(0, TimeUnit.MILLISECONDS)) {
                taken.add(new Received(r.getMethod(), r.getPath(), r.getBody().clone().readUtf8()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return taken;
    }

    /**
     * One request the provider received.
     *
     * @param method the HTTP method
     * @param path   path and query, e.g. {@code /signward/token}
     * @param body   the body as text (form parameters for the token endpoint)
     */
    public record Received(String method, String path, String body) {

        /** A request to this issuer's endpoint, e.g. {@code token}. */
        public boolean isTo(String endpoint) {
            String p = path == null ? "" : path.split("\\?", 2)[0];
            return p.equals("/" + ISSUER_ID + "/" + endpoint);
        }
    }

    /** The issuer's public signing key, to check tokens that went through the application. */
    public RSAPublicKey publicKey() {
        try {
            return signingJwk().toRSAKey().toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("mock-oauth2-server signing key unusable", e);
        }
    }

    /** The issuer's signing key (RS256), to sign crafted tokens that only break one rule. */
    public RSAPrivateKey signingKey() {
        try {
            return signingJwk().toRSAKey().toRSAPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("mock-oauth2-server signing key unusable", e);
        }
    }

    /** The {@code kid} of the issuer's signing key. */
    public String keyId() {
        return signingJwk().getKeyID();
    }

    private JWK signingJwk() {
        return keys.signingKey(ISSUER_ID);
    }
}
