package com.signward.idserver;

import jakarta.json.JsonObject;

import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;

/** The bearer-protected userinfo endpoint. */
final class UserInfoEndpoint {

    private final HttpClient http;
    private final SignwardOptions options;

    UserInfoEndpoint(HttpClient http, SignwardOptions options) {
        this.http = http;
        this.options = options;
    }

    CompletableFuture<SignwardUser> fetch(ProviderMetadata metadata, String accessToken) {
        var request = HttpSupport.request(metadata.userinfoEndpoint(), options.timeout())
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build();
        return HttpSupport.send(http, request).handle((response, failure) -> {
            if (failure != null) {
                throw new UserInfoException("userinfo request failed: "
                        + HttpSupport.describe(failure, options.timeout()), HttpSupport.unwrap(failure));
            }
            if (!HttpSupport.isSuccess(response.statusCode())) {
                throw new UserInfoException("userinfo endpoint answered HTTP " + response.statusCode(),
                        response.statusCode());
            }
            JsonObject claims = JsonBodies.parseObject(response.body());
            if (claims == null) {
                throw new UserInfoException("the userinfo response is not a JSON object", response.statusCode());
            }
            return SignwardUser.fromClaims(claims, options.rolesClaim(), options.customRolesClaim());
        });
    }
}
