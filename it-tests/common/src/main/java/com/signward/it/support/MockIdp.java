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
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.security.interfaces.RSAPrivateKey;

/**
 * The OpenID provider of the tests: one mock-oauth2-server per test JVM, on 127.0.0.1 and a free port,
 * started on first use (before the first {@code @Deployment} method builds its WAR, because the WAR's
 * configuration names its URL) and stopped when the JVM exits.
 */
public final class MockIdp {

    /** The issuer id: the authority is {@code http://127.0.0.1:<port>/signward}. */
    public static final String ISSUER_ID = "signward";
    /** The {@code signward.client-id} of the test application. */
    public static final String CLIENT_ID = "it-api";
    /** The audience Signward puts into access tokens (the SDK's default). */
    public static final String AUDIENCE = "idserver-api";

    private static MockIdp instance;

    private final MockOAuth2Server server;
    private final KeyProvider keys;

    private MockIdp() {
        keys = new KeyProvider();
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys)));
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
