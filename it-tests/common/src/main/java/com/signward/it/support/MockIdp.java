package com.signward.it.support;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.interfaces.RSAPrivateKey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;

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

    /** The value for {@code signward.authority} (no trailing slash). */
    public String authority() {
        String url = server.issuerUrl(ISSUER_ID).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
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
