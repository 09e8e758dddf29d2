package com.signward.idserver;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Client of a Signward identity server: authorization URLs with PKCE, code exchange, refresh,
 * userinfo, revocation, logout URLs and local validation of access tokens against the server's JWKS.
 *
 * <p>One instance serves all threads of an application. The discovery document is fetched on first
 * use and cached (concurrent first callers share one request; a failure is retried on the next call).
 * Every network method has an {@code …Async} twin returning a {@link CompletionStage} that completes
 * with the same exceptions. Failures are {@link SignwardException}s; none of their messages contains a
 * token, a code or a secret.
 *
 * <pre>{@code
 * try (SignwardClient client = new SignwardClient(options)) {
 *     SignwardUser user = client.validateToken(bearerToken);
 * }
 * }</pre>
 */
public class SignwardClient implements AutoCloseable {

    private final SignwardOptions options;
    private final boolean ownsHttpClient;
    private volatile Parts parts;

    private record Parts(HttpClient http, Discovery discovery, TokenEndpoint tokens, UserInfoEndpoint userInfo,
                         TokenVerification verification) {
    }

    /**
     * Creates a client with its own {@link HttpClient}, closed by {@link #close()}.
     *
     * @param options the configuration
     */
    public SignwardClient(SignwardOptions options) {
        this(options, HttpSupport.newClient(Objects.requireNonNull(options, "options")), true, Clock.systemUTC());
    }

    /**
     * Creates a client that uses (and never closes) the given {@link HttpClient}. Its TLS settings and
     * redirect policy apply as configured; {@link SignwardOptions#verifySsl()} is not applied to it.
     *
     * @param options    the configuration
     * @param httpClient a shared HTTP client
     */
    public SignwardClient(SignwardOptions options, HttpClient httpClient) {
        this(options, Objects.requireNonNull(httpClient, "httpClient"), false, Clock.systemUTC());
        if (!options.verifySsl()) {
            System.getLogger(SignwardClient.class.getName()).log(System.Logger.Level.WARNING,
                    "verifySsl=false has no effect on a supplied HttpClient: configure its SSLContext instead");
        }
    }

    /**
     * For CDI client proxies only (the Jakarta integration produces an application-scoped {@code SignwardClient});
     * an instance made this way has no configuration and cannot be used.
     */
    protected SignwardClient() {
        this.options = null;
        this.ownsHttpClient = false;
    }

    SignwardClient(SignwardOptions options, HttpClient http, boolean ownsHttpClient, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.ownsHttpClient = ownsHttpClient;
        Discovery discovery = new Discovery(http, options);
        HttpJwksFetcher jwks = new HttpJwksFetcher(http,
                () -> HttpSupport.await(discovery.get()).jwksUri(), options.timeout());
        this.parts = new Parts(http, discovery, new TokenEndpoint(http, options), new UserInfoEndpoint(http, options),
                new TokenVerification(options, jwks, clock));
    }

    /** @return the options this client was built with */
    public SignwardOptions options() {
        return options;
    }

    /**
     * Builds an authorization URL without network access: it uses the discovered
     * {@code authorization_endpoint} when the discovery document is already loaded (see {@link #discovery()}),
     * else {@code {authority}/connect/authorize}.
     *
     * @param request the parameters; its scopes default to the configured ones
     * @return the URL to send the browser to
     */
    public URI authorizeUrl(AuthorizationRequest request) {
        Objects.requireNonNull(request, "request");
        ProviderMetadata metadata = parts().discovery().loaded();
        URI endpoint = metadata != null
                ? metadata.authorizationEndpoint() : URI.create(options.authority() + "/connect/authorize");
        List<String> scopes = request.scopes().isEmpty() ? options.scopes() : request.scopes();
        FormBody query = new FormBody()
                .add("response_type", "code")
                .add("client_id", options.clientId())
                .add("redirect_uri", request.redirectUri())
                .add("scope", String.join(" ", scopes))
                .add("state", request.state())
                .add("nonce", request.nonce());
        if (request.codeChallenge() != null) {
            query.add("code_challenge", request.codeChallenge()).add("code_challenge_method", "S256");
        }
        request.extraParameters().forEach(query::add);
        return Urls.withQuery(endpoint, query);
    }

    /**
     * Builds an authorization URL with a fresh PKCE S256 verifier (64 characters from a {@code SecureRandom}).
     *
     * @param redirectUri where Signward sends the browser back
     * @param state       the {@code state}; {@code null} generates an unguessable one
     * @param nonce       the {@code nonce}; {@code null} generates one
     * @return the URL, the verifier to keep for {@link #exchangeCode}, and the state and nonce sent
     */
    public PkceAuthorization authorizeUrlWithPkce(String redirectUri, String state, String nonce) {
        String verifier = Pkce.newVerifier();
        String actualState = state != null ? state : Pkce.newState();
        String actualNonce = nonce != null ? nonce : Pkce.newState();
        URI url = authorizeUrl(AuthorizationRequest.builder()
                .redirectUri(redirectUri)
                .state(actualState)
                .nonce(actualNonce)
                .codeChallenge(Pkce.challenge(verifier))
                .build());
        return new PkceAuthorization(url, verifier, actualState, actualNonce);
    }

    /**
     * Exchanges an authorization code for tokens.
     *
     * @param code         the code from the callback
     * @param redirectUri  the redirect URI used in the authorization request
     * @param codeVerifier the PKCE verifier, or {@code null} when none was used
     * @return the tokens
     * @throws TokenExchangeException when the server refuses (OAuth error fields included)
     * @throws SignwardException      when the server cannot be reached
     */
    public TokenResponse exchangeCode(String code, String redirectUri, String codeVerifier) {
        return HttpSupport.await(exchangeCodeAsync(code, redirectUri, codeVerifier));
    }

    /**
     * Asynchronous {@link #exchangeCode}.
     *
     * @param code         the code from the callback
     * @param redirectUri  the redirect URI used in the authorization request
     * @param codeVerifier the PKCE verifier, or {@code null}
     * @return the tokens, eventually
     */
    public CompletionStage<TokenResponse> exchangeCodeAsync(String code, String redirectUri, String codeVerifier) {
        requireText(code, "code");
        requireText(redirectUri, "redirectUri");
        return grant(new FormBody()
                .add("grant_type", "authorization_code")
                .add("code", code)
                .add("redirect_uri", redirectUri)
                .add("code_verifier", codeVerifier));
    }

    /**
     * Gets new tokens with a refresh token.
     *
     * @param refreshToken the refresh token
     * @return the new tokens (store the new refresh token when one is returned)
     * @throws TokenExchangeException when the server refuses, e.g. {@code invalid_grant}
     */
    public TokenResponse refreshToken(String refreshToken) {
        return HttpSupport.await(refreshTokenAsync(refreshToken));
    }

    /**
     * Asynchronous {@link #refreshToken}.
     *
     * @param refreshToken the refresh token
     * @return the new tokens, eventually
     */
    public CompletionStage<TokenResponse> refreshTokenAsync(String refreshToken) {
        requireText(refreshToken, "refreshToken");
        return grant(new FormBody().add("grant_type", "refresh_token").add("refresh_token", refreshToken));
    }

    private CompletableFuture<TokenResponse> grant(FormBody form) {
        Parts p = parts();
        return p.discovery().get().thenCompose(metadata -> p.tokens().grant(metadata, form));
    }

    /**
     * Fetches the user's claims from the userinfo endpoint.
     *
     * @param accessToken an access token
     * @return the user (roles read from the configured claims)
     * @throws UserInfoException when the endpoint fails or refuses the token
     */
    public SignwardUser userinfo(String accessToken) {
        return HttpSupport.await(userinfoAsync(accessToken));
    }

    /**
     * Asynchronous {@link #userinfo}.
     *
     * @param accessToken an access token
     * @return the user, eventually
     */
    public CompletionStage<SignwardUser> userinfoAsync(String accessToken) {
        requireText(accessToken, "accessToken");
        Parts p = parts();
        return p.discovery().get().thenCompose(metadata -> p.userInfo().fetch(metadata, accessToken));
    }

    /**
     * Validates an access token locally (signature against the JWKS, issuer, the configured audience,
     * expiry) and maps its claims to a user.
     *
     * @param token the compact JWS access token
     * @return the user
     * @throws InvalidTokenException naming the rule that failed
     */
    public SignwardUser validateToken(String token) {
        return validateToken(token, options.audience());
    }

    /**
     * Validates an access token locally, expecting the given audience.
     *
     * @param token    the compact JWS access token
     * @param audience a value the token's {@code aud} must contain
     * @return the user
     * @throws InvalidTokenException naming the rule that failed
     * @throws DiscoveryException    when the discovery document cannot be loaded
     */
    public SignwardUser validateToken(String token, String audience) {
        requireText(audience, "audience");
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no token");
        }
        Parts p = parts();
        ProviderMetadata metadata = HttpSupport.await(p.discovery().get());
        return p.verification().validate(token, metadata.issuer(), audience);
    }

    /**
     * Asynchronous {@link #validateToken(String)}. When the key set must be fetched, that happens on the
     * thread completing the stage.
     *
     * @param token the compact JWS access token
     * @return the user, eventually
     */
    public CompletionStage<SignwardUser> validateTokenAsync(String token) {
        return validateTokenAsync(token, options.audience());
    }

    /**
     * Asynchronous {@link #validateToken(String, String)}.
     *
     * @param token    the compact JWS access token
     * @param audience a value the token's {@code aud} must contain
     * @return the user, eventually
     */
    public CompletionStage<SignwardUser> validateTokenAsync(String token, String audience) {
        requireText(audience, "audience");
        if (token == null || token.isBlank()) {
            return CompletableFuture.failedFuture(new InvalidTokenException("no token"));
        }
        Parts p = parts();
        return p.discovery().get()
                .thenApply(metadata -> p.verification().validate(token, metadata.issuer(), audience));
    }

    /**
     * Revokes a token (RFC 7009), e.g. the refresh token on sign-out.
     *
     * @param token         the token to revoke
     * @param tokenTypeHint {@code refresh_token}, {@code access_token}, or {@code null}
     * @throws TokenExchangeException when the server refuses
     */
    public void revokeToken(String token, String tokenTypeHint) {
        HttpSupport.await(revokeTokenAsync(token, tokenTypeHint));
    }

    /**
     * Asynchronous {@link #revokeToken}.
     *
     * @param token         the token to revoke
     * @param tokenTypeHint {@code refresh_token}, {@code access_token}, or {@code null}
     * @return completes when the server has accepted the revocation
     */
    public CompletionStage<Void> revokeTokenAsync(String token, String tokenTypeHint) {
        requireText(token, "token");
        Parts p = parts();
        return p.discovery().get().thenCompose(metadata -> p.tokens().revoke(metadata, token, tokenTypeHint));
    }

    /**
     * Builds the RP-initiated logout URL from the discovered {@code end_session_endpoint}
     * (loads the discovery document if needed). {@code client_id} is always included.
     *
     * @param idTokenHint           the ID token, or {@code null}
     * @param postLogoutRedirectUri where to return after logout (registered at Signward), or {@code null}
     * @param state                 echoed back on the return, or {@code null}
     * @return the URL to send the browser to
     */
    public URI endSessionUrl(String idTokenHint, String postLogoutRedirectUri, String state) {
        ProviderMetadata metadata = HttpSupport.await(parts().discovery().get());
        return Urls.withQuery(metadata.endSessionEndpoint(), new FormBody()
                .add("id_token_hint", idTokenHint)
                .add("post_logout_redirect_uri", postLogoutRedirectUri)
                .add("state", state)
                .add("client_id", options.clientId()));
    }

    /** @return {@code {webBaseUrl or authority}/Auth/MyPrivacy}, the user's privacy center (no network) */
    public URI privacyCenterUrl() {
        String base = options.webBaseUrl() != null ? options.webBaseUrl() : options.authority();
        return URI.create(base + "/Auth/MyPrivacy");
    }

    /**
     * @return the discovery document (loaded on first use, then cached)
     * @throws DiscoveryException when it cannot be loaded or its issuer does not match
     */
    public JsonObject discovery() {
        return HttpSupport.await(parts().discovery().get()).document();
    }

    /**
     * Fetches the discovery document again and makes the next validation fetch the JWKS again.
     * When the fetch fails, the previous document stays in use.
     *
     * @throws DiscoveryException when the document cannot be loaded
     */
    public void refreshMetadata() {
        Parts p = parts();
        HttpSupport.await(p.discovery().refresh());
        p.verification().invalidate();
    }

    /**
     * Releases the client. Closes the {@link HttpClient} only when this client created it (on Java 21+,
     * where {@code HttpClient} is closeable); a shared one is left alone. Later calls fail with
     * {@link IllegalStateException}.
     */
    @Override
    public void close() {
        Parts p = parts;
        parts = null;
        if (p != null && ownsHttpClient && p.http() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.getLogger(SignwardClient.class.getName())
                        .log(System.Logger.Level.DEBUG, "closing the HTTP client failed", e);
            }
        }
    }

    private Parts parts() {
        Parts p = parts;
        if (p == null) {
            throw new IllegalStateException("this SignwardClient is closed");
        }
        return p;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
