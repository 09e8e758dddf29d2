package com.signward.idserver.internal.oidc;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.signward.idserver.internal.jwt.AccessTokenRules;
import com.signward.idserver.internal.jwt.AlgorithmPolicy;
import com.signward.idserver.internal.jwt.ClientSecretKeys;
import com.signward.idserver.internal.jwt.IdTokenRules;
import com.signward.idserver.internal.jwt.JwksKeySource;
import com.signward.idserver.internal.jwt.JwksKeys;
import com.signward.idserver.internal.jwt.JwtVerifier;
import com.signward.idserver.internal.jwt.KeyState;
import com.signward.idserver.internal.jwt.KeysUnavailableException;
import com.signward.idserver.internal.jwt.LogoutTokenRules;
import com.signward.idserver.internal.jwt.TokenRejectedException;
import com.signward.idserver.internal.jwt.VerifiedJwt;

/**
 * One client configuration's view of the provider: discovery, the endpoints, one JWKS key source, and the JWT
 * verifiers of each token kind on top of it (access tokens with the JWKS keys and the access algorithm policy; ID
 * and logout tokens with the JWKS or, for HS*, the client secret). Shared by {@code SignwardClient} and the browser
 * login so that both see one discovery document and one key set. Thread-safe.
 */
public final class OidcCore implements AutoCloseable {

    private final OidcConfig config;
    private final HttpClient http;
    private final boolean ownsHttp;
    private final Clock clock;
    private final Discovery discovery;
    private final TokenEndpoint tokens;
    private final UserInfoEndpoint userInfo;
    private final IntrospectionEndpoint introspection;
    private final JwksKeySource jwks;
    private final JwtVerifier accessTokens;
    private final JwtVerifier clientTokens;

    /**
     * @param http     the HTTP client to use
     * @param ownsHttp whether {@link #close()} closes it
     */
    public OidcCore(OidcConfig config, HttpClient http, boolean ownsHttp, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.ownsHttp = ownsHttp;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.discovery = new Discovery(http, config);
        this.tokens = new TokenEndpoint(http, config);
        this.userInfo = new UserInfoEndpoint(http, config);
        this.introspection = new IntrospectionEndpoint(http, tokens, config);
        this.jwks = new JwksKeySource(new HttpJwksFetcher(http, () -> Http.await(discovery.get()).jwksUri(),
                config.timeout()), config.jwksMinRefreshInterval(), config.jwksMaxStale(), clock);
        JwksKeys keys = new JwksKeys(jwks);
        this.accessTokens = new JwtVerifier(keys, accessPolicy(config), clock);
        this.clientTokens = new JwtVerifier(new ClientSecretKeys(config.clientSecret(), keys), clientPolicy(config),
                clock);
    }

    /** Access tokens: the allowed algorithms; HS* only with symmetric keys of the JWKS allowed. */
    static AlgorithmPolicy accessPolicy(OidcConfig config) {
        Set<String> allowed = new HashSet<>(config.allowedAlgorithms());
        if (!config.allowSymmetricKeys()) {
            allowed.removeAll(AlgorithmPolicy.SYMMETRIC);
        }
        return new AlgorithmPolicy(allowed, config.allowSymmetricKeys());
    }

    /**
     * ID and logout tokens: the allowed asymmetric algorithms, plus HS* verified with the client secret only
     * (OpenID Connect Core §10.1; {@link ClientSecretKeys} refuses them for a public client, naming why).
     */
    static AlgorithmPolicy clientPolicy(OidcConfig config) {
        Set<String> allowed = new HashSet<>(config.allowedAlgorithms());
        allowed.retainAll(AlgorithmPolicy.ASYMMETRIC);
        allowed.addAll(AlgorithmPolicy.SYMMETRIC);
        return new AlgorithmPolicy(allowed, false);
    }

    public OidcConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** @return the cached metadata, the one fetch in flight, or a new fetch (fails with ProviderException) */
    public CompletableFuture<ProviderMetadata> metadata() {
        return discovery.get();
    }

    /** @return the metadata, waiting for it (throws ProviderException) */
    public ProviderMetadata awaitMetadata() {
        return Http.await(discovery.get());
    }

    /** @return the metadata when already loaded, else {@code null}; never does I/O */
    public ProviderMetadata loadedMetadata() {
        return discovery.loaded();
    }

    /** Fetches discovery again; on success the next validation also fetches the JWKS again. */
    public CompletableFuture<ProviderMetadata> refreshMetadata() {
        return discovery.refresh().thenApply(metadata -> {
            jwks.invalidate();
            return metadata;
        });
    }

    /**
     * Builds an authorization URL (response type {@code code}, S256 when a challenge is given) on the discovered
     * endpoint when loaded, else on {@code {authority}/connect/authorize}. No network access.
     *
     * @param scopes empty: the configured scopes
     */
    public URI authorizeUrl(String redirectUri, List<String> scopes, String state, String nonce, String codeChallenge,
                            Map<String, String> extra) {
        ProviderMetadata metadata = discovery.loaded();
        URI endpoint = metadata != null
                ? metadata.authorizationEndpoint() : URI.create(config.authority() + "/connect/authorize");
        FormBody query = new FormBody()
                .add("response_type", "code")
                .add("client_id", config.clientId())
                .add("redirect_uri", redirectUri)
                .add("scope", String.join(" ", scopes.isEmpty() ? config.scopes() : scopes))
                .add("state", state)
                .add("nonce", nonce);
        if (codeChallenge != null) {
            query.add("code_challenge", codeChallenge).add("code_challenge_method", "S256");
        }
        extra.forEach(query::add);
        return Urls.withQuery(endpoint, query);
    }

    public CompletableFuture<TokenSet> exchangeCode(String code, String redirectUri, String codeVerifier) {
        return grant(new FormBody()
                .add("grant_type", "authorization_code")
                .add("code", code)
                .add("redirect_uri", redirectUri)
                .add("code_verifier", codeVerifier));
    }

    public CompletableFuture<TokenSet> refresh(String refreshToken) {
        return grant(new FormBody().add("grant_type", "refresh_token").add("refresh_token", refreshToken));
    }

    /** RFC 6749 §4.4: a token for this client itself (client authentication as for every grant). */
    public CompletableFuture<TokenSet> clientCredentials(List<String> scopes) {
        return grant(new FormBody().add("grant_type", "client_credentials").add("scope", scope(scopes)));
    }

    /** RFC 8693: exchanges an access token for one meant for {@code audience}. */
    public CompletableFuture<TokenSet> exchangeToken(String subjectToken, String audience, List<String> scopes) {
        return grant(new FormBody()
                .add("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                .add("subject_token", subjectToken)
                .add("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .add("audience", audience)
                .add("scope", scope(scopes)));
    }

    /** @return the scopes space-separated, or {@code null} (left out) when there are none */
    private static String scope(List<String> scopes) {
        return scopes.isEmpty() ? null : String.join(" ", scopes);
    }

    private CompletableFuture<TokenSet> grant(FormBody form) {
        return discovery.get().thenCompose(metadata -> tokens.grant(metadata, form));
    }

    /** @return the userinfo claims as plain values */
    public CompletableFuture<Map<String, Object>> userinfo(String accessToken) {
        return discovery.get().thenCompose(metadata -> userInfo.fetch(metadata, accessToken));
    }

    public CompletableFuture<Void> revoke(String token, String tokenTypeHint) {
        return discovery.get().thenCompose(metadata -> tokens.revoke(metadata, token, tokenTypeHint));
    }

    /** RFC 7662 introspection of a token at the given provider's endpoint; the response members as plain values. */
    public CompletableFuture<Map<String, Object>> introspect(ProviderMetadata metadata, String token) {
        return introspection.introspect(metadata, token);
    }

    /** The RP-initiated logout URL on the discovered {@code end_session_endpoint}; {@code client_id} always sent. */
    public CompletableFuture<URI> endSessionUrl(String idTokenHint, String postLogoutRedirectUri, String state) {
        return discovery.get().thenApply(metadata -> Urls.withQuery(metadata.endSessionEndpoint(), new FormBody()
                .add("id_token_hint", idTokenHint)
                .add("post_logout_redirect_uri", postLogoutRedirectUri)
                .add("state", state)
                .add("client_id", config.clientId())));
    }

    /**
     * Loads or refreshes the signing keys when due, as a token validation would (so a readiness probe before the
     * first request loads discovery and keys), and reports what the key source holds.
     */
    public KeyState keyState() {
        try {
            jwks.keys();
        } catch (KeysUnavailableException | ProviderException noKeys) {
            // reported by the state: no usable keys
        }
        return jwks.state();
    }

    /** The verifier of access tokens (JWKS keys, access algorithm policy). */
    public JwtVerifier accessTokens() {
        return accessTokens;
    }

    /** Access-token rules for an issuer and audience, with this configuration's types and clients. */
    public AccessTokenRules accessRules(String issuer, String audience) {
        return new AccessTokenRules(issuer, audience, config.clockSkew(), config.accessTokenTypes(),
                config.allowedClients());
    }

    /** Verifies an ID token with the ID-token rules only: it never meets the access-token cache or role mapping. */
    public VerifiedJwt verifyIdToken(String token, IdTokenRules rules)
            throws TokenRejectedException, KeysUnavailableException {
        return clientTokens.verify(token, rules);
    }

    /** Verifies a back-channel logout token against the discovered issuer (loads discovery if needed). */
    public VerifiedJwt verifyLogoutToken(String token) throws TokenRejectedException, KeysUnavailableException {
        return clientTokens.verify(token, new LogoutTokenRules(awaitMetadata().issuer(), config.clientId(),
                config.clockSkew()));
    }

    /** Releases the HTTP client when this core created it (Java 21+, where it is closeable). */
    @Override
    public void close() {
        if (ownsHttp && http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.getLogger("com.signward.idserver.SignwardClient")
                        .log(System.Logger.Level.DEBUG, "closing the HTTP client failed", e);
            }
        }
    }
}
