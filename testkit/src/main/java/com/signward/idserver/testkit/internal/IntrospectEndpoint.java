package com.signward.idserver.testkit.internal;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.jose4j.jwt.JwtClaims;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /connect/introspect} (RFC 7662): after client authentication, {@code active} and the claims of an
 * access token, or {@code active}, {@code client_id}, {@code sub} of a current refresh token of that client;
 * {@code {"active": false}} for anything else; 503 while introspection is stopped.
 */
final class IntrospectEndpoint extends Endpoint {

    IntrospectEndpoint(Provider provider, String basePath) {
        super(provider, basePath);
    }

    @Override
    void answer(Call call) throws IOException {
        if (!provider.servingIntrospection()) {
            call.error(503, "temporarily_unavailable", "introspection is down");
            return;
        }
        Optional<Registration> client = ClientAuthentication.authenticate(call, provider);
        if (client.isEmpty()) {
            call.error(401, "invalid_client", "client authentication failed");
            return;
        }
        String token = call.param("token").orElse("");
        Optional<JwtClaims> access = provider.activeAccessToken(token);
        if (access.isPresent()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("active", true).add("token_type", "access_token");
            for (Map.Entry<String, Object> claim : access.get().getClaimsMap().entrySet()) {
                json.add(claim.getKey(), JsonValues.of(claim.getValue()));
            }
            call.json(200, json.build());
            return;
        }
        Optional<Grants.Session> refresh = provider.grants().refreshSession(token, client.get().id());
        if (refresh.isPresent()) {
            call.json(200, Json.createObjectBuilder().add("active", true).add("token_type", "refresh_token")
                    .add("client_id", refresh.get().clientId()).add("sub", refresh.get().user().id())
                    .add("scope", refresh.get().scope()).build());
            return;
        }
        call.json(200, Json.createObjectBuilder().add("active", false).build());
    }
}
