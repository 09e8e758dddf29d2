package com.signward.idserver.testkit.internal;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.jose4j.jwt.JwtClaims;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /connect/token}: {@code authorization_code} (exact redirect URI, one-time code, PKCE S256 verifier),
 * {@code refresh_token} (rotation, reuse detection), {@code client_credentials} and RFC 8693 token exchange, each
 * after client authentication.
 */
final class TokenEndpoint extends Endpoint {

    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    TokenEndpoint(Provider provider, String basePath) {
        super(provider, basePath);
    }

    @Override
    void answer(Call call) throws IOException {
        if (!call.is("POST")) {
            call.error(405, "invalid_request", "POST only");
            return;
        }
        Optional<Registration> client = ClientAuthentication.authenticate(call, provider);
        if (client.isEmpty()) {
            call.error(401, "invalid_client", "client authentication failed");
            return;
        }
        String grant = call.param("grant_type").orElse("");
        switch (grant) {
            case "authorization_code" -> authorizationCode(call, client.get());
            case "refresh_token" -> refresh(call, client.get());
            case "client_credentials" -> clientCredentials(call, client.get());
            case TOKEN_EXCHANGE -> exchange(call, client.get());
            default -> call.error(400, "unsupported_grant_type", "grant_type not supported");
        }
    }

    private void authorizationCode(Call call, Registration client) throws IOException {
        Optional<Grants.Code> code = call.param("code").flatMap(provider.grants()::redeemCode);
        if (code.isEmpty() || !code.get().session().clientId().equals(client.id())) {
            call.error(400, "invalid_grant", "unknown, expired or used code");
            return;
        }
        if (!code.get().redirectUri().equals(call.paramOrNull("redirect_uri"))) {
            call.error(400, "invalid_grant", "redirect_uri does not match the authorization request");
            return;
        }
        Optional<String> verifier = call.param("code_verifier");
        if (verifier.isEmpty() || !verifier.get().matches("[A-Za-z0-9._~-]{43,128}")
                || !s256(verifier.get()).equals(code.get().codeChallenge())) {
            call.error(400, "invalid_grant", "PKCE verification failed");
            return;
        }
        call.json(200, tokens(code.get().session(), code.get().nonce()).build());
    }

    private void refresh(Call call, Registration client) throws IOException {
        Optional<Grants.Session> session = call.param("refresh_token")
                .flatMap(token -> provider.grants().rotate(token, client.id()));
        if (session.isEmpty()) {
            call.error(400, "invalid_grant", "refresh token unknown, revoked or used before");
            return;
        }
        call.json(200, tokens(session.get(), null).build());
    }

    private void clientCredentials(Call call, Registration client) throws IOException {
        if (!client.isConfidential()) {
            call.error(400, "unauthorized_client", "a public client cannot use client_credentials");
            return;
        }
        JwtClaims claims = Claims.access(provider.issuer(), provider.audience(), Map.of("sub", client.id()),
                client.id(), call.paramOrNull("scope"), provider.tokenLifetime(), Duration.ZERO);
        call.json(200, bearer(provider.keys().sign(claims, "at+jwt")).build());
    }

    private void exchange(Call call, Registration client) throws IOException {
        Optional<JwtClaims> subject = call.param("subject_token").flatMap(provider::activeAccessToken);
        if (subject.isEmpty() || !ACCESS_TOKEN_TYPE.equals(call.paramOrNull("subject_token_type"))) {
            call.error(400, "invalid_grant", "subject_token is not an active access token of this issuer");
            return;
        }
        Map<String, Object> user = new LinkedHashMap<>(subject.get().getClaimsMap());
        user.keySet().removeAll(Claims.ENVELOPE);
        String audience = call.param("audience").orElse(provider.audience());
        JwtClaims claims = Claims.access(provider.issuer(), audience, user, client.id(), call.paramOrNull("scope"),
                provider.tokenLifetime(), Duration.ZERO);
        claims.setClaim("act", Map.of("sub", client.id()));
        call.json(200, bearer(provider.keys().sign(claims, "at+jwt"))
                .add("issued_token_type", ACCESS_TOKEN_TYPE).build());
    }

    /** Access, ID (with the nonce of a login, none on refresh) and a new refresh token of the session. */
    private JsonObjectBuilder tokens(Grants.Session session, String nonce) {
        String access = provider.accessToken(session);
        JsonObjectBuilder json = bearer(access)
                .add("refresh_token", provider.grants().issueRefreshToken(session))
                .add("scope", session.scope());
        if (session.scope().contains("openid")) {
            JwtClaims id = Claims.id(provider.issuer(), session.clientId(), session.user().claims(), nonce,
                    session.sid(), session.authTime(), access, provider.tokenLifetime());
            json.add("id_token", provider.keys().sign(id, "JWT"));
        }
        return json;
    }

    private JsonObjectBuilder bearer(String accessToken) {
        return Json.createObjectBuilder().add("access_token", accessToken).add("token_type", "Bearer")
                .add("expires_in", provider.tokenLifetime().toSeconds());
    }

    /** RFC 7636 §4.6: BASE64URL(SHA256(ASCII(code_verifier))). */
    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
