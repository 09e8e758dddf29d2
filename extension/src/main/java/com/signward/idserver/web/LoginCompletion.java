package com.signward.idserver.web;

import com.signward.idserver.SignwardClient;
import com.signward.idserver.SignwardException;
import com.signward.idserver.SignwardOptions;
import com.signward.idserver.SignwardUser;
import com.signward.idserver.TokenExchangeException;
import com.signward.idserver.TokenResponse;
import com.signward.idserver.UserInfoException;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns token responses into {@link SessionLogin}s: the code exchange of a callback and the refresh of a
 * session. The ID token is verified ({@link IdTokenVerifier}); when userinfo is used its claims complete the
 * ID token's and its {@code sub} must be the ID token's. No servlet API here.
 */
final class LoginCompletion {

    private static final System.Logger LOG = System.getLogger(LoginCompletion.class.getName());
    /** ID token claims that userinfo never overrides. */
    private static final Set<String> TOKEN_CLAIMS = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "nonce",
            "azp", "auth_time", "at_hash", "c_hash", "jti", "sid", "acr", "amr");

    private final SignwardClient client;
    private final IdTokenVerifier verifier;
    private final boolean fetchUserinfo;
    private final Clock clock;

    LoginCompletion(SignwardClient client, IdTokenVerifier verifier, boolean fetchUserinfo, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.fetchUserinfo = fetchUserinfo;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Exchanges the code with the attempt's verifier and redirect URI, then verifies everything.
     *
     * @throws LoginException 400 when the code or a token is refused, 502 when Signward fails
     */
    SessionLogin complete(String code, PendingLogin pending) throws LoginException {
        Instant requested = clock.instant();
        TokenResponse tokens;
        try {
            tokens = client.exchangeCode(code, pending.redirectUri(), pending.codeVerifier());
        } catch (TokenExchangeException e) {
            if (e.statusCode() >= 400 && e.statusCode() < 500 && "invalid_grant".equals(e.error())) {
                throw new LoginException(400, "invalid_grant", "login failed: the authorization code was not accepted",
                        "code exchange refused: " + e.getMessage());
            }
            throw LoginException.unavailable("login failed: Signward refused the code exchange",
                    "code exchange failed: " + e.getMessage());
        } catch (SignwardException e) {
            throw LoginException.unavailable("login failed: Signward is not reachable",
                    "code exchange failed: " + e.getMessage());
        }
        VerifiedIdToken idToken = verifier.verifyLogin(tokens.idToken(), pending.nonce(), pending.createdAt(),
                tokens.accessToken());
        Map<String, Object> claims = new LinkedHashMap<>(idToken.claims());
        if (fetchUserinfo) {
            overlay(claims, userinfo(tokens.accessToken(), idToken.facts().subject()));
        }
        return new SessionLogin(tokens.accessToken(), tokens.refreshToken(), tokens.idToken(),
                expiry(requested, tokens), user(claims), idToken.facts());
    }

    /**
     * Refreshes a login. A new ID token, when returned, is verified against the login's (§12.2); a new
     * refresh token replaces the old one, else the old one is kept.
     *
     * @throws TokenExchangeException when the token endpoint refuses (e.g. {@code invalid_grant})
     * @throws LoginException         when a returned ID token or the userinfo {@code sub} does not fit the login
     * @throws SignwardException      when Signward cannot be reached
     */
    SessionLogin refresh(SessionLogin current) throws LoginException {
        Instant requested = clock.instant();
        TokenResponse tokens = client.refreshToken(current.refreshToken());
        Map<String, Object> claims = new LinkedHashMap<>(current.user().claims());
        String idToken = current.idToken();
        IdTokenFacts facts = current.idTokenFacts();
        if (tokens.idToken() != null) {
            VerifiedIdToken verified = verifier.verifyRefresh(tokens.idToken(), facts, tokens.accessToken());
            claims.putAll(verified.claims());
            idToken = tokens.idToken();
            facts = verified.facts();
        }
        if (fetchUserinfo) {
            try {
                overlay(claims, userinfo(tokens.accessToken(), facts.subject()));
            } catch (LoginException e) {
                if (e.status() == 400) {
                    throw e;
                }
                LOG.log(Level.WARNING, "Signward login: userinfo failed after a refresh; the user''s claims are "
                        + "kept as they were ({0})", e.detail());
            }
        }
        String refreshToken = tokens.refreshToken() != null ? tokens.refreshToken() : current.refreshToken();
        return new SessionLogin(tokens.accessToken(), refreshToken, idToken, expiry(requested, tokens), user(claims),
                facts);
    }

    private Map<String, Object> userinfo(String accessToken, String subject) throws LoginException {
        SignwardUser info;
        try {
            info = client.userinfo(accessToken);
        } catch (UserInfoException e) {
            throw LoginException.unavailable("login failed: the user's profile could not be loaded",
                    "userinfo failed: " + e.getMessage());
        } catch (SignwardException e) {
            throw LoginException.unavailable("login failed: Signward is not reachable",
                    "userinfo failed: " + e.getMessage());
        }
        Object sub = info.claims().get("sub");
        if (!subject.equals(sub)) {
            throw new LoginException(400, "invalid_userinfo", "login failed: the user's profile does not match",
                    "the userinfo sub differs from the ID token's sub");
        }
        return info.claims();
    }

    private static void overlay(Map<String, Object> claims, Map<String, Object> userinfo) {
        userinfo.forEach((name, value) -> {
            if (!TOKEN_CLAIMS.contains(name) && value != null) {
                claims.put(name, value);
            }
        });
    }

    private SignwardUser user(Map<String, Object> claims) {
        SignwardOptions options = client.options();
        return SignwardUser.fromClaims(claims, options.rolesClaim(), options.customRolesClaim());
    }

    private static Instant expiry(Instant requested, TokenResponse tokens) {
        return tokens.expiresIn() > 0 ? requested.plusSeconds(tokens.expiresIn()) : null;
    }
}
