package com.signward.idserver.internal.oidc;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.signward.idserver.internal.jwt.ClaimValues;

import jakarta.json.JsonObject;

/** The bearer-protected userinfo endpoint; answers the claims as plain values. */
final class UserInfoEndpoint {

    private final HttpClient http;
    private final OidcConfig options;

    UserInfoEndpoint(HttpClient http, OidcConfig options) {
        this.http = http;
        this.options = options;
    }

    CompletableFuture<Map<String, Object>> fetch(ProviderMetadata metadata, String accessToken) {
        var request = Http.request(metadata.userinfoEndpoint(), options.timeout())
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build();
        return Http.send(http, request).handle((response, failure) -> {
            if (failure != null) {
                throw ProviderException.userinfo("userinfo request failed: "
                        + Http.describe(failure, options.timeout()), 0, Http.unwrap(failure));
            }
            if (!Http.isSuccess(response.statusCode())) {
                throw ProviderException.userinfo("userinfo endpoint answered HTTP " + response.statusCode(),
                        response.statusCode(), null);
            }
            JsonObject claims = JsonBodies.parseObject(response.body());
            if (claims == null) {
                throw ProviderException.userinfo("the userinfo response is not a JSON object", response.statusCode(),
                        null);
            }
            return ClaimValues.plainMap(claims);
        });
    }
}
