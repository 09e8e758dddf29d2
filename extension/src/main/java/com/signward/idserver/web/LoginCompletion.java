package com.signward.idserver.web;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.internal.jwt.ClaimValues;
import com.signward.idserver.internal.jwt.IdTokenFacts;
import com.signward.idserver.internal.jwt.IdTokenRules;
import com.signward.idserver.internal.jwt.KeysUnavailableException;
import com.signward.idserver.internal.jwt.TokenRejectedException;
import com.signward.idserver.internal.oidc.Http;
import com.signward.idserver.internal.oidc.OidcConfig;
import com.signward.idserver.internal.oidc.OidcCore;
import com.signward.idserver.internal.oidc.ProviderException;
import com.signward.idserver.internal.oidc.TokenSet;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns token responses into {@link SessionLogin}s: the code exchange of a callback and the refresh of a session.
 * The ID token is checked by the ID-token rules only ({@link IdTokenRules}, OpenID Connect Core §3.1.3.7 and
 * §12.2): it never enters the access-token cache and is never mapped to roles on its own. When userinfo is used its
 * claims complete the ID token's and its {@code sub} must be the ID token's. A refresh rebuilds the user's claims
 * from what it returned (the new ID token, else the access token when it verifies as one, plus userinfo): claims
 * Signward dropped are gone, nothing of the old set is merged in. No servlet API here.
 */
final class LoginCompletion {

    /** ID token claims that userinfo never overrides. */
    private static final Set<String> TOKEN_CLAIMS = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "nonce",
            "azp", "auth_time", "at_hash", "c_hash", "jti", "sid", "acr", "amr");

    private final OidcCore core;
    private final Function<Map<String, Object>, SignwardUser> toUser;
    private final boolean fetchUserinfo;
    private final SessionLifetime lifetime;
    private final Clock clock;

    LoginCompletion(OidcCore core, Function<Map<String, Object>, SignwardUser> toUser, boolean fetchUserinfo,
                    SessionLifetime lifetime, Clock clock) {
        this.core = Objects.requireNonNull(core, "core");
        this.toUser = Objects.requireNonNull(toUser, "toUser");
        this.fetchUserinfo = fetchUserinfo;
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Exchanges the code with the attempt's verifier and redirect URI, then verifies everything.
     *
     * @throws LoginException 400 when the code or a token is refused, 502 when Signward fails
     */
    SessionLogin complete(String code, PendingLogin pending) throws LoginException {
        Instant requested = clock.instant();
        TokenSet tokens;
        try {
            tokens = Http.await(core.exchangeCode(code, pending.redirectUri(), pending.codeVerifier()));
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.TOKEN && e.status() >= 400 && e.status() < 500
                    && "invalid_grant".equals(e.error())) {
                throw new LoginException(400, "invalid_grant", "login failed: the authorization code was not accepted",
                        "code exchange refused: " + e.getMessage());
            }
            String message = e.kind() == ProviderException.Kind.TOKEN
                    ? "login failed: Signward refused the code exchange" : "login failed: Signward is not reachable";
            throw LoginException.unavailable(message, "code exchange failed: " + e.getMessage());
        }
        OidcConfig config = core.config();
        IdTokenRules rules = IdTokenRules.forLogin(issuer(), config.clientId(), config.clockSkew(), pending.nonce(),
                pending.createdAt(), tokens.accessToken());
        Map<String, Object> claims = new LinkedHashMap<>(verify(tokens.idToken(), rules));
        IdTokenFacts facts = rules.facts(claims);
        if (fetchUserinfo) {
            overlay(claims, userinfo(tokens.accessToken(), facts.subject()));
        }
        return new SessionLogin(tokens.accessToken(), tokens.refreshToken(), tokens.idToken(),
                expiry(requested, tokens), toUser.apply(claims), facts, clock.instant(),
                ClaimValues.string(claims, "sid"));
    }

    /**
     * Refreshes a login. A new ID token, when returned, is verified against the login's (§12.2); a new
     * refresh token replaces the old one, else the old one is kept.
     *
     * @throws ProviderException when the token endpoint refuses (e.g. {@code invalid_grant}) or cannot be reached
     * @throws LoginException    when a returned ID token or the userinfo {@code sub} does not fit the login
     */
    SessionLogin refresh(SessionLogin current) throws LoginException {
        Instant requested = clock.instant();
        TokenSet tokens = Http.await(core.refresh(current.refreshToken()));
        String idToken = current.idToken();
        IdTokenFacts facts = current.idTokenFacts();
        Map<String, Object> claims;
        if (tokens.idToken() != null) {
            OidcConfig config = core.config();
            IdTokenRules rules = IdTokenRules.forRefresh(issuer(), config.clientId(), config.clockSkew(), facts,
                    tokens.accessToken());
            claims = new LinkedHashMap<>(verify(tokens.idToken(), rules));
            idToken = tokens.idToken();
            facts = rules.facts(claims);
        } else {
            claims = identity(current.user().claims());
            accessTokenClaims(tokens.accessToken(), facts.subject()).forEach(claims::putIfAbsent);
        }
        if (fetchUserinfo) {
            // a failure here is a failed refresh (transient unless the answer does not fit): the claims are
            // rebuilt or the refresh did not happen, never half of each
            overlay(claims, userinfo(tokens.accessToken(), facts.subject()));
        }
        String refreshToken = tokens.refreshToken() != null ? tokens.refreshToken() : current.refreshToken();
        String sid = ClaimValues.string(claims, "sid");
        return new SessionLogin(tokens.accessToken(), refreshToken, idToken, expiry(requested, tokens),
                toUser.apply(claims), facts, current.loggedInAt(), sid != null ? sid : current.sid());
    }

    /** The login's identity claims (those userinfo never overrides), without anything Signward may drop. */
    private static Map<String, Object> identity(Map<String, Object> claims) {
        Map<String, Object> kept = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (TOKEN_CLAIMS.contains(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /**
     * The claims of a refreshed access token when it verifies as an access token of this application (signature,
     * issuer, audience) and names the same user; else none (an opaque token, or one for another audience).
     */
    private Map<String, Object> accessTokenClaims(String accessToken, String subject) {
        try {
            Map<String, Object> claims = core.accessTokens().verify(accessToken,
                    core.accessRules(issuer(), core.config().audience())).claims();
            return subject.equals(claims.get("sub")) ? claims : Map.of();
        } catch (TokenRejectedException | KeysUnavailableException | ProviderException | LoginException e) {
            return Map.of();
        }
    }

    private Map<String, Object> verify(String idToken, IdTokenRules rules) throws LoginException {
        if (idToken == null || idToken.isBlank()) {
            throw LoginException.rejectedIdToken("the token response has no id_token (is the openid scope requested?)");
        }
        try {
            return core.verifyIdToken(idToken, rules).claims();
        } catch (TokenRejectedException e) {
            throw LoginException.rejectedIdToken(e.getMessage());
        } catch (KeysUnavailableException e) {
            throw LoginException.unavailable("login failed: Signward's keys could not be loaded",
                    "ID token not verifiable: " + e.getMessage());
        } catch (ProviderException e) {
            throw LoginException.unavailable("login failed: Signward is not reachable",
                    "ID token not verifiable: " + e.getMessage());
        }
    }

    private String issuer() throws LoginException {
        try {
            return core.awaitMetadata().issuer();
        } catch (ProviderException e) {
            throw LoginException.unavailable("login failed: Signward is not reachable",
                    "discovery failed: " + e.getMessage());
        }
    }

    private Map<String, Object> userinfo(String accessToken, String subject) throws LoginException {
        Map<String, Object> info;
        try {
            info = Http.await(core.userinfo(accessToken));
        } catch (ProviderException e) {
            String message = e.kind() == ProviderException.Kind.USERINFO
                    ? "login failed: the user's profile could not be loaded" : "login failed: Signward is not reachable";
            throw LoginException.unavailable(message, "userinfo failed: " + e.getMessage());
        }
        if (!subject.equals(info.get("sub"))) {
            throw new LoginException(400, "invalid_userinfo", "login failed: the user's profile does not match",
                    "the userinfo sub differs from the ID token's sub");
        }
        return info;
    }

    private static void overlay(Map<String, Object> claims, Map<String, Object> userinfo) {
        userinfo.forEach((name, value) -> {
            if (!TOKEN_CLAIMS.contains(name) && value != null) {
                claims.put(name, value);
            }
        });
    }

    private Instant expiry(Instant requested, TokenSet tokens) {
        return lifetime.accessTokenExpiry(requested, tokens.expiresIn(), tokens.accessToken());
    }
}
