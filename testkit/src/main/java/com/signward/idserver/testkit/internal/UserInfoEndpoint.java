package com.signward.idserver.testkit.internal;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.jose4j.jwt.JwtClaims;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** {@code GET|POST /connect/userinfo}: the user claims of an active access token (RFC 6750 header only). */
final class UserInfoEndpoint extends Endpoint {

    UserInfoEndpoint(Provider provider, String basePath) {
        super(provider, basePath);
    }

    @Override
    void answer(Call call) throws IOException {
        Optional<JwtClaims> token = call.header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .flatMap(provider::activeAccessToken);
        if (token.isEmpty()) {
            call.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            call.json(401, Json.createObjectBuilder().add("error", "invalid_token").build());
            return;
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (Map.Entry<String, Object> claim : token.get().getClaimsMap().entrySet()) {
            if (!Claims.ENVELOPE.contains(claim.getKey())) {
                json.add(claim.getKey(), JsonValues.of(claim.getValue()));
            }
        }
        call.json(200, json.build());
    }
}
