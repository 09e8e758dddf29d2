package com.signward.idserver;

import com.signward.idserver.internal.jwt.AccessTokenRules;
import com.signward.idserver.internal.jwt.AccessTokenValidator;
import com.signward.idserver.internal.jwt.IdTokenRules;
import com.signward.idserver.internal.jwt.KeysUnavailableException;
import com.signward.idserver.internal.jwt.TokenRejectedException;
import com.signward.idserver.internal.oidc.ClientBridge;
import com.signward.idserver.internal.oidc.Http;
import com.signward.idserver.internal.oidc.OidcCore;
import com.signward.idserver.internal.oidc.Pkce;
import com.signward.idserver.internal.oidc.ProviderMetadata;
import com.signward.idserver.internal.oidc.TokenIntrospector;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Client of a Signward identity server: authorization URLs with PKCE, code exchange, refresh, userinfo,
 * revocation, logout URLs, and local validation of access tokens and ID tokens against the server's JWKS.
 *
 * <p>One instance serves all threads of an application. The discovery document is fetched on first use and cached
 * (concurrent first callers share one request; a failure is retried on the next call). Every method that may use
 * the network has an {@code …Async} twin returning a {@link CompletionStage} that completes with the same
 * exceptions. Failures are {@link SignwardException}s; none of their messages contains a token, a code or a secret.
 *
 * <pre>{@code
 * try (SignwardClient client = new SignwardClient(options)) {
 *     SignwardUser user = client.validateToken(bearerToken);
 * }
 * }</pre>
 */
public class SignwardClient implements AutoCloseable {

    static {
        ClientBridge.register(client -> ((SignwardClient) client).core());
    }

    private final SignwardOptions options;
    private final OidcCore core;
    private final AccessTokenValidator<SignwardUser> accessTokens;
    private final TokenIntrospector<SignwardUser> introspector;
    private volatile AccessTokenRules defaultRules;
    private volatile boolean closed;

    /**
     * Creates a client with its own {@link HttpClient}, closed by {@link #close()}.
     *
     * @param options the configuration
     */
    public SignwardClient(SignwardOptions options) {
        this(options, null, Clock.systemUTC());
    }

    /**
     * Creates a client that uses (and never closes) the given {@link HttpClient}. Its TLS settings and
     * redirect policy apply as configured; {@link SignwardOptions#verifySsl()} is not applied to it.
     *
     * @param options    the configuration
     * @param httpClient a shared HTTP client
     */
    public SignwardClient(SignwardOptions options, HttpClient httpClient) {
        this(options, Objects.requireNonNull(httpClient, "httpClient"), Clock.systemUTC());
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
        this.core = null;
        this.accessTokens = null;
        this.introspector = null;
    }

    /** @param http a shared client, or {@code null} to create (and own) one */
    SignwardClient(SignwardOptions options, HttpClient http, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.core = new OidcCore(options.config(), http != null ? http : Http.newClient(options.config()),
                http == null, clock);
        this.accessTokens = new AccessTokenValidator<>(core.accessTokens(), options.tokenCacheSize(), this::user);
        this.introspector = new TokenIntrospector<>(core, options.tokenCacheSize(), options.introspectionCacheTtl(),
                this::user);
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
        return core().authorizeUrl(request.redirectUri(), request.scopes(), request.state(), request.nonce(),
                request.codeChallenge(), request.extraParameters());
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
        requireText(redirectUri, "redirectUri");
        String verifier = Pkce.newVerifier();
        String actualState = state != null ? state : Pkce.newState();
        String actualNonce = nonce != null ? nonce : Pkce.newState();
        URI url = core().authorizeUrl(redirectUri, java.util.List.of(), actualState, actualNonce,
                Pkce.challenge(verifier), Map.of());
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
        return Failures.await(exchangeCodeAsync(code, redirectUri, codeVerifier));
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
        return Failures.translated(core().exchangeCode(code, redirectUri, codeVerifier).thenApply(TokenResponse::new));
    }

    /**
     * Gets new tokens with a refresh token.
     *
     * @param refreshToken the refresh token
     * @return the new tokens (store the new refresh token when one is returned)
     * @throws TokenExchangeException when the server refuses, e.g. {@code invalid_grant}
     */
    public TokenResponse refreshToken(String refreshToken) {
        return Failures.await(refreshTokenAsync(refreshToken));
    }

    /**
     * Asynchronous {@link #refreshToken}.
     *
     * @param refreshToken the refresh token
     * @return the new tokens, eventually
     */
    public CompletionStage<TokenResponse> refreshTokenAsync(String refreshToken) {
        requireText(refreshToken, "refreshToken");
        return Failures.translated(core().refresh(refreshToken).thenApply(TokenResponse::new));
    }

    /**
     * Gets a token for this client itself (client credentials grant, RFC 6749 §4.4; a confidential client). Not
     * cached: the Jakarta integration's {@code SignwardTokenPropagation} caches the tokens it sends.
     *
     * @param scopes the scopes to ask for; empty: the client's default at Signward
     * @return the tokens
     * @throws TokenExchangeException when the server refuses, e.g. {@code unauthorized_client}
     */
    public TokenResponse clientCredentialsToken(java.util.List<String> scopes) {
        return Failures.await(clientCredentialsTokenAsync(scopes));
    }

    /**
     * Asynchronous {@link #clientCredentialsToken}.
     *
     * @param scopes the scopes to ask for; empty: the client's default at Signward
     * @return the tokens, eventually
     */
    public CompletionStage<TokenResponse> clientCredentialsTokenAsync(java.util.List<String> scopes) {
        Objects.requireNonNull(scopes, "scopes");
        return Failures.translated(core().clientCredentials(scopes).thenApply(TokenResponse::new));
    }

    /**
     * Exchanges an access token for one meant for another audience (RFC 8693 token exchange, subject token type
     * {@code access_token}). Not cached.
     *
     * @param subjectToken the access token to exchange
     * @param audience     the audience the new token is for
     * @return the tokens
     * @throws TokenExchangeException when the server refuses, e.g. {@code invalid_grant}
     */
    public TokenResponse exchangeToken(String subjectToken, String audience) {
        return Failures.await(exchangeTokenAsync(subjectToken, audience));
    }

    /**
     * Asynchronous {@link #exchangeToken}.
     *
     * @param subjectToken the access token to exchange
     * @param audience     the audience the new token is for
     * @return the tokens, eventually
     */
    public CompletionStage<TokenResponse> exchangeTokenAsync(String subjectToken, String audience) {
        requireText(subjectToken, "subjectToken");
        requireText(audience, "audience");
        return Failures.translated(core().exchangeToken(subjectToken, audience, java.util.List.of())
                .thenApply(TokenResponse::new));
    }

    /**
     * Fetches the user's claims from the userinfo endpoint.
     *
     * @param accessToken an access token
     * @return the user (roles read from the configured claims)
     * @throws UserInfoException when the endpoint fails or refuses the token
     */
    public SignwardUser userinfo(String accessToken) {
        return Failures.await(userinfoAsync(accessToken));
    }

    /**
     * Asynchronous {@link #userinfo}.
     *
     * @param accessToken an access token
     * @return the user, eventually
     */
    public CompletionStage<SignwardUser> userinfoAsync(String accessToken) {
        requireText(accessToken, "accessToken");
        return Failures.translated(core().userinfo(accessToken).thenApply(this::user));
    }

    /**
     * Validates an access token locally with the access-token rules (signature against the JWKS, {@code typ},
     * issuer, the configured audience, expiry, allowed clients) and maps its claims to a user.
     *
     * @param token the compact JWS access token
     * @return the user
     * @throws InvalidTokenException naming the rule that failed
     * @throws DiscoveryException    when the discovery document cannot be loaded
     * @throws SignwardException     when no signing key can be loaded (a server problem, not a bad token)
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
     * @throws SignwardException     when no signing key can be loaded (a server problem, not a bad token)
     */
    public SignwardUser validateToken(String token, String audience) {
        requireText(audience, "audience");
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no token");
        }
        return validate(token, metadata(), audience);
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
        return Failures.translated(core().metadata().thenApply(metadata -> validate(token, metadata, audience)));
    }

    private SignwardUser validate(String token, ProviderMetadata metadata, String audience) {
        try {
            return accessTokens.validate(token, rules(metadata, audience));
        } catch (TokenRejectedException | KeysUnavailableException e) {
            throw Failures.translate(e);
        }
    }

    /** The access-token rules of the discovered issuer, for an audience. */
    private AccessTokenRules rules(ProviderMetadata metadata, String audience) {
        AccessTokenRules rules = defaultRules;
        if (rules == null || !rules.issuer().equals(metadata.issuer())) {
            rules = core.accessRules(metadata.issuer(), options.audience());
            defaultRules = rules;
        }
        return rules.withAudience(audience);
    }

    /**
     * Checks an access token by RFC 7662 introspection at the discovered {@code introspection_endpoint} (client
     * authentication as for the token endpoint), for opaque tokens: {@code active: false} is refused; an active
     * answer must pass the access-token rules that apply to it (issuer and audience when present, expiry, allowed
     * clients) and is mapped to a user as a validated JWT's claims are. The result is cached by the token's SHA-256
     * until its {@code exp}, at most {@link SignwardOptions#introspectionCacheTtl()}: a cached token makes no request.
     *
     * @param token the access token (any form)
     * @return the user
     * @throws InvalidTokenException when the token is not active or fails a rule (named)
     * @throws SignwardException     when the introspection endpoint cannot be reached or fails
     */
    public SignwardUser introspectToken(String token) {
        return Failures.await(introspectTokenAsync(token));
    }

    /**
     * Asynchronous {@link #introspectToken}. A cached result completes the stage at once.
     *
     * @param token the access token
     * @return the user, eventually
     */
    public CompletionStage<SignwardUser> introspectTokenAsync(String token) {
        if (token == null || token.isBlank()) {
            return CompletableFuture.failedFuture(new InvalidTokenException("no token"));
        }
        ProviderMetadata loaded = core().loadedMetadata();
        try {
            SignwardUser cached = loaded == null ? null : introspector.cached(token, rules(loaded, options.audience()));
            if (cached != null) {
                return CompletableFuture.completedFuture(cached);
            }
        } catch (TokenRejectedException e) {
            return CompletableFuture.failedFuture(Failures.translate(e));
        }
        return Failures.translated(core.metadata().thenCompose(metadata ->
                introspector.introspect(metadata, token, rules(metadata, options.audience()))));
    }

    /**
     * Validates an ID token locally with the ID-token rules of OpenID Connect Core §3.1.3.7: signature (JWKS, or the
     * client secret for HS256/384/512), {@code typ}, issuer, {@code aud} containing the client id, {@code azp},
     * {@code sub}, expiry and, when given, the {@code nonce}. Not for access tokens: use {@link #validateToken}.
     *
     * @param idToken the compact JWS ID token
     * @param nonce   the nonce sent in the authorization request, or {@code null} not to check it
     * @return the user the ID token describes
     * @throws InvalidTokenException naming the rule that failed
     * @throws SignwardException     when discovery or the signing keys cannot be loaded
     */
    public SignwardUser validateIdToken(String idToken, String nonce) {
        if (idToken == null || idToken.isBlank()) {
            throw new InvalidTokenException("no token");
        }
        return verifyIdToken(idToken, nonce, metadata());
    }

    /**
     * Asynchronous {@link #validateIdToken}. When the key set must be fetched, that happens on the thread completing
     * the stage.
     *
     * @param idToken the compact JWS ID token
     * @param nonce   the nonce sent in the authorization request, or {@code null} not to check it
     * @return the user, eventually
     */
    public CompletionStage<SignwardUser> validateIdTokenAsync(String idToken, String nonce) {
        if (idToken == null || idToken.isBlank()) {
            return CompletableFuture.failedFuture(new InvalidTokenException("no token"));
        }
        return Failures.translated(core().metadata().thenApply(metadata -> verifyIdToken(idToken, nonce, metadata)));
    }

    private SignwardUser verifyIdToken(String idToken, String nonce, ProviderMetadata metadata) {
        try {
            return user(core.verifyIdToken(idToken, IdTokenRules.standalone(metadata.issuer(), options.clientId(),
                    options.clockSkew(), nonce)).claims());
        } catch (TokenRejectedException | KeysUnavailableException e) {
            throw Failures.translate(e);
        }
    }

    /**
     * Revokes a token (RFC 7009), e.g. the refresh token on sign-out.
     *
     * @param token         the token to revoke
     * @param tokenTypeHint {@code refresh_token}, {@code access_token}, or {@code null}
     * @throws TokenExchangeException when the server refuses
     */
    public void revokeToken(String token, String tokenTypeHint) {
        Failures.await(revokeTokenAsync(token, tokenTypeHint));
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
        return Failures.translated(core().revoke(token, tokenTypeHint));
    }

    /**
     * Builds the RP-initiated logout URL from the discovered {@code end_session_endpoint}
     * (loads the discovery document if needed). {@code client_id} is always included.
     *
     * @param idTokenHint           the ID token, or {@code null}
     * @param postLogoutRedirectUri where to return after logout (registered at Signward), or {@code null}
     * @param state                 echoed back on the return, or {@code null}
     * @return the URL to send the browser to
     * @throws DiscoveryException when the discovery document cannot be loaded
     */
    public URI endSessionUrl(String idTokenHint, String postLogoutRedirectUri, String state) {
        return Failures.await(endSessionUrlAsync(idTokenHint, postLogoutRedirectUri, state));
    }

    /**
     * Asynchronous {@link #endSessionUrl}.
     *
     * @param idTokenHint           the ID token, or {@code null}
     * @param postLogoutRedirectUri where to return after logout, or {@code null}
     * @param state                 echoed back on the return, or {@code null}
     * @return the URL, eventually
     */
    public CompletionStage<URI> endSessionUrlAsync(String idTokenHint, String postLogoutRedirectUri, String state) {
        return Failures.translated(core().endSessionUrl(idTokenHint, postLogoutRedirectUri, state));
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
        return Failures.await(discoveryAsync());
    }

    /**
     * Asynchronous {@link #discovery()}.
     *
     * @return the discovery document, eventually
     */
    public CompletionStage<JsonObject> discoveryAsync() {
        return Failures.translated(core().metadata().thenApply(ProviderMetadata::document));
    }

    /**
     * Fetches the discovery document again and makes the next validation fetch the JWKS again.
     * When the fetch fails, the previous document stays in use.
     *
     * @throws DiscoveryException when the document cannot be loaded
     */
    public void refreshMetadata() {
        Failures.await(refreshMetadataAsync());
    }

    /**
     * Asynchronous {@link #refreshMetadata()}.
     *
     * @return completes when the new document is in use
     */
    public CompletionStage<Void> refreshMetadataAsync() {
        return Failures.translated(core().refreshMetadata().thenApply(metadata -> null));
    }

    /**
     * Releases the client. Closes the {@link HttpClient} only when this client created it (on Java 21+,
     * where {@code HttpClient} is closeable); a shared one is left alone. Later calls fail with
     * {@link IllegalStateException}.
     */
    @Override
    public void close() {
        if (!closed && core != null) {
            closed = true;
            core.close();
        }
    }

    private OidcCore core() {
        if (closed || core == null) {
            throw new IllegalStateException("this SignwardClient is closed");
        }
        return core;
    }

    /** The discovery document: read directly once loaded (every bearer request comes here), else awaited. */
    private ProviderMetadata metadata() {
        ProviderMetadata loaded = core().loadedMetadata();
        return loaded != null ? loaded : Failures.await(core.metadata());
    }

    private SignwardUser user(Map<String, Object> claims) {
        return SignwardUser.fromClaims(claims, options);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
