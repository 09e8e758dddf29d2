package com.signward.idserver.testkit;

import com.signward.idserver.testkit.internal.Claims;
import com.signward.idserver.testkit.internal.Deliveries;
import com.signward.idserver.testkit.internal.Endpoints;
import com.signward.idserver.testkit.internal.Identity;
import com.signward.idserver.testkit.internal.JsonValues;
import com.signward.idserver.testkit.internal.Provider;
import com.signward.idserver.testkit.internal.Registration;
import com.signward.idserver.testkit.internal.Request;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * A fake Signward in the test JVM: an OpenID provider on 127.0.0.1 and a free port that issues real, signed
 * tokens and behaves as Signward does where an application can tell — PKCE S256 required, redirect URIs matched
 * exactly, one-time codes, {@code iss} in the authorization response, client authentication
 * ({@code client_secret_basic} or {@code client_secret_post}), rotating refresh tokens with reuse detection.
 * <p>
 * Endpoints: discovery, JWKS, {@code /connect/authorize}, {@code /connect/token} ({@code authorization_code},
 * {@code refresh_token}, {@code client_credentials}, RFC 8693 token exchange), {@code /connect/userinfo},
 * {@code /connect/revoke}, {@code /connect/introspect}, {@code /connect/endsession}. Every request it receives
 * is recorded ({@link #requests()}). Thread-safe; {@link #close()} stops it.
 * <pre>{@code
 * try (FakeSignward signward = FakeSignward.start()) {
 *     signward.register(FakeClient.confidential("my-app", "secret").withRedirectUri(callback));
 *     signward.loginAs(FakeUser.named("alice").withRoles("admin"));
 *     String token = signward.tokens().user(FakeUser.named("bob")).sign();
 * }
 * }</pre>
 */
public final class FakeSignward implements AutoCloseable {

    /** The endpoint paths, below the authority (as {@link RecordedRequest#path()} shows them). */
    public static final String AUTHORIZE_PATH = Provider.AUTHORIZE;
    public static final String TOKEN_PATH = Provider.TOKEN;
    public static final String USERINFO_PATH = Provider.USERINFO;
    public static final String REVOKE_PATH = Provider.REVOKE;
    public static final String INTROSPECT_PATH = Provider.INTROSPECT;
    public static final String END_SESSION_PATH = Provider.END_SESSION;
    public static final String JWKS_PATH = Provider.JWKS;
    public static final String DISCOVERY_PATH = Provider.DISCOVERY;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Provider provider;
    private volatile URI webhookTarget;
    private volatile String webhookSecret;

    private FakeSignward(HttpServer server, String basePath) {
        this.server = server;
        this.provider = new Provider("http://127.0.0.1:" + server.getAddress().getPort() + basePath);
        this.executor = Endpoints.start(server, provider, basePath);
    }

    /** Starts a provider on 127.0.0.1 and a free port. */
    public static FakeSignward start() {
        return start(0, "");
    }

    /**
     * Starts a provider on 127.0.0.1 and a chosen port (0: a free one), its endpoints below {@code basePath}
     * ({@code ""} or e.g. {@code /signward}: the authority is then {@code http://127.0.0.1:<port>/signward}).
     */
    public static FakeSignward start(int port, String basePath) {
        if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/"))) {
            throw new IllegalArgumentException("basePath must be empty or start, and not end, with /: " + basePath);
        }
        try {
            return new FakeSignward(Endpoints.bind(port), basePath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Signward on port " + port, e);
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The value for {@code signward.authority}, also the {@code iss} of its tokens: {@code http://127.0.0.1:<port>}. */
    public String authority() {
        return provider.issuer();
    }

    /** A URL of this provider, e.g. {@code uri(FakeSignward.TOKEN_PATH)}. */
    public URI uri(String path) {
        return URI.create(provider.issuer() + path);
    }

    // --- clients and users -----------------------------------------------------------------------------

    /** Registers (or replaces) a client. */
    public FakeSignward register(FakeClient client) {
        provider.register(new Registration(client.id(), client.secret(), client.redirectUris(),
                client.postLogoutRedirectUris(), client.backchannelLogoutUri()));
        return this;
    }

    /** The registered client of that id. */
    public Optional<FakeClient> client(String id) {
        return provider.client(id).map(r -> new FakeClient(r.id(), r.secret(), r.redirectUris(),
                r.postLogoutRedirectUris(), r.backchannelLogoutUri()));
    }

    /** The user every following authorization request signs in, without a form (turns the login form off). */
    public FakeSignward loginAs(FakeUser user) {
        provider.loginUser(identity(Objects.requireNonNull(user, "user")));
        provider.loginForm(false);
        return this;
    }

    /**
     * Shows a login form at the authorization endpoint instead, with one button per user (a real browser, or
     * {@link SignwardBrowser#choosing(String)}, picks one).
     */
    public FakeSignward showLoginForm(FakeUser... users) {
        for (FakeUser user : users) {
            provider.addFormUser(identity(user));
        }
        provider.loginForm(true);
        return this;
    }

    // --- tokens and keys -------------------------------------------------------------------------------

    /** Signward-shaped tokens signed by this provider's current key. */
    public SignwardTokens tokens() {
        return new SignwardTokens(provider);
    }

    /** The lifetime of the tokens it issues from now on; {@code null} restores one hour. */
    public FakeSignward tokenLifetime(Duration lifetime) {
        provider.tokenLifetime(lifetime == null ? Duration.ofHours(1) : lifetime);
        return this;
    }

    /** The {@code aud} of the access tokens it issues (default {@code idserver-api}, the SDK's default). */
    public FakeSignward audience(String audience) {
        provider.audience(Objects.requireNonNull(audience));
        return this;
    }

    /** The client authentication methods announced in discovery (default both basic and post; both are accepted). */
    public FakeSignward clientAuthMethods(String... methods) {
        provider.clientAuthMethods(List.of(methods));
        return this;
    }

    /** A new signing key; the old key stays in the JWKS when {@code keepOld}, else it is dropped. */
    public FakeSignward rotateKeys(boolean keepOld) {
        provider.keys().rotate(keepOld);
        return this;
    }

    /** The {@code kid} of the current signing key. */
    public String currentKeyId() {
        return provider.keys().current().getKeyId();
    }

    /** The JWKS endpoint answers 503 from now on (an outage), until {@link #resume()}. */
    public FakeSignward stopServingKeys() {
        provider.servingKeys(false);
        return this;
    }

    /** The introspection endpoint answers 503 from now on (an outage), until {@link #resume()}. */
    public FakeSignward stopServingIntrospection() {
        provider.servingIntrospection(false);
        return this;
    }

    /** Serves keys (and introspection) again. */
    public FakeSignward resume() {
        provider.servingKeys(true);
        provider.servingIntrospection(true);
        return this;
    }

    /** An opaque access token for the user (see {@link SignwardTokens#opaque()}), answered by introspection. */
    public String opaqueToken(FakeUser user) {
        return tokens().user(Objects.requireNonNull(user, "user")).opaque();
    }

    /** Revokes an access token it issued (JWT or opaque), as {@code /connect/revoke} would: introspection says inactive. */
    public FakeSignward revoke(String accessToken) {
        provider.activeAccessToken(accessToken).ifPresent(claims -> {
            try {
                provider.grants().revokeTokenId(claims.getJwtId());
            } catch (org.jose4j.jwt.MalformedClaimException e) {
                throw new IllegalArgumentException("not a token of this provider", e);
            }
        });
        return this;
    }

    // --- recorded requests -----------------------------------------------------------------------------

    /** Every request received so far (oldest first). */
    public List<RecordedRequest> requests() {
        return recorded(provider.requests());
    }

    /** Takes the recorded requests out of the record (oldest first). */
    public List<RecordedRequest> takeRequests() {
        return recorded(provider.takeRequests());
    }

    private static List<RecordedRequest> recorded(List<Request> requests) {
        return requests.stream().map(r -> new RecordedRequest(r.method(), r.path(), r.query(), r.headers(), r.body(),
                r.form())).toList();
    }

    private static Identity identity(FakeUser user) {
        String label = user.name() != null ? user.name() : user.email() != null ? user.email() : user.id();
        return new Identity(user.id(), label, user.claims());
    }

    /** The recorded requests to one path, e.g. {@link #TOKEN_PATH}. */
    public List<RecordedRequest> requestsTo(String path) {
        return requests().stream().filter(r -> r.isTo(path)).toList();
    }

    // --- what Signward sends on its own ----------------------------------------------------------------

    /**
     * Sends a back-channel logout token (OIDC Back-Channel Logout 1.0: {@code typ logout+jwt}, {@code events},
     * {@code jti}, {@code iat}, {@code exp}, {@code aud} = the client id, {@code sid} and/or {@code sub}) to the
     * client's registered back-channel logout URI.
     *
     * @param sid the session id (the ID token's {@code sid}), or {@code null}
     * @param sub the user id, or {@code null} (one of both is required)
     * @return the HTTP status the application answered
     */
    public int sendBackchannelLogout(String clientId, String sid, String sub) {
        if (sid == null && sub == null) {
            throw new IllegalArgumentException("a logout token names a sid, a sub or both");
        }
        FakeClient client = client(clientId)
                .orElseThrow(() -> new IllegalArgumentException("no client " + clientId));
        if (client.backchannelLogoutUri() == null) {
            throw new IllegalStateException("client " + clientId + " has no back-channel logout URI");
        }
        if (sid != null) {
            provider.grants().revokeSession(sid);
        }
        String token = provider.keys().sign(Claims.logout(provider.issuer(), clientId, sid, sub), "logout+jwt");
        return Deliveries.backchannelLogout(client.backchannelLogoutUri(), token);
    }

    /** Where {@link #sendWebhook} delivers, and the subscription secret (e.g. {@code whsec_…}) it signs with. */
    public FakeSignward webhookEndpoint(URI target, String secret) {
        this.webhookTarget = Objects.requireNonNull(target);
        this.webhookSecret = Objects.requireNonNull(secret);
        return this;
    }

    /**
     * Delivers an event as the jar's webhook endpoint reads it: the event's data as the JSON body, its type in
     * {@code Signward-Event}, a new {@code Signward-Delivery-Id}, and
     * {@code Signward-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}.
     *
     * @return the HTTP status the application answered
     */
    public int sendWebhook(String type, Map<String, ?> data) {
        return sendWebhook(type, data, Instant.now());
    }

    /** {@link #sendWebhook(String, Map)} with a chosen signing time (e.g. an old one, to test the tolerance). */
    public int sendWebhook(String type, Map<String, ?> data, Instant signedAt) {
        if (webhookTarget == null) {
            throw new IllegalStateException("no webhookEndpoint set");
        }
        long t = signedAt.getEpochSecond();
        String body = JsonValues.object(data).toString();
        return Deliveries.webhook(webhookTarget, webhookSecret, type, body, t);
    }

    @Override
    public String toString() {
        return "FakeSignward[" + authority() + "]";
    }
}
