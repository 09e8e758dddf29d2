package com.signward.examples.demo;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.token.RequestMapping;
import no.nav.security.mock.oauth2.token.RequestMappingTokenCallback;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The local OpenID provider of the demo: mock-oauth2-server on 127.0.0.1, issuer
 * {@code http://127.0.0.1:<port>/signward}, with an interactive login page. The name typed there picks the claims:
 * the login page passes it to the token callback as {@code subject}, which selects the {@link DemoUser}.
 */
final class DemoProvider implements AutoCloseable {

    /** The last path segment of the issuer. */
    static final String ISSUER_ID = "signward";
    private static final long TOKEN_LIFETIME_SECONDS = 3600;

    private final MockOAuth2Server server;
    private final int port;

    private DemoProvider(MockOAuth2Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the provider.
     *
     * @param port the port on 127.0.0.1 (0: any free port)
     */
    static DemoProvider start(List<DemoUser> users, int port) throws IOException {
        OAuth2Config config = new OAuth2Config(true, null, null, true, new OAuth2TokenProvider(),
                Set.of(tokenCallback(users)));
        MockOAuth2Server server = new MockOAuth2Server(config);
        server.start(InetAddress.getByName("127.0.0.1"), port);
        return new DemoProvider(server, server.baseUrl().port());
    }

    /** Tokens for the name typed at login (or the {@code username} of a password grant); first match wins. */
    static OAuth2TokenCallback tokenCallback(List<DemoUser> users) {
        List<RequestMapping> mappings = new ArrayList<>();
        for (DemoUser user : users) {
            mappings.add(new RequestMapping(RequestMappingTokenCallback.SUBJECT_PARAM, user.login(), user.claims(),
                    "JWT"));
        }
        mappings.add(new RequestMapping(RequestMappingTokenCallback.SUBJECT_PARAM, "*", DemoUser.anyoneElse(), "JWT"));
        return new RequestMappingTokenCallback(ISSUER_ID, mappings, TOKEN_LIFETIME_SECONDS);
    }

    /** The value for {@code signward.authority}: {@code http://127.0.0.1:<port>/signward}. */
    String authority() {
        return "http://127.0.0.1:" + port + "/" + ISSUER_ID;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
