package com.signward.idserver.internal.oidc;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.signward.idserver.internal.jwt.ClaimValues;

import jakarta.json.JsonObject;

/**
 * RFC 7662 token introspection: POSTs {@code token} and {@code token_type_hint=access_token} to the discovered
 * {@code introspection_endpoint} with the client authentication of the token endpoint ({@link TokenEndpoint}), and
 * answers the response members as plain values. A transport failure, a 5xx or an answer that is not a JSON object
 * fails with a TRANSPORT {@link ProviderException} (Signward unavailable); a 4xx (e.g. the client's credentials
 * refused) with a TOKEN one. Whether the token is active is the caller's to read.
 */
final class IntrospectionEndpoint {

    private final HttpClient http;
    private final TokenEndpoint tokens;
    private final OidcConfig options;

    IntrospectionEndpoint(HttpClient http, TokenEndpoint tokens, OidcConfig options) {
        this.http = http;
        this.tokens = tokens;
        this.options = options;
    }

    CompletableFuture<Map<String, Object>> introspect(ProviderMetadata metadata, String token) {
        FormBody form = new FormBody().add("token", token).add("token_type_hint", "access_token");
        return Http.send(http, tokens.post(metadata, metadata.introspectionEndpointOrDefault(options), form))
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw ProviderException.transport("introspection request failed: "
                                + Http.describe(failure, options.timeout()), Http.unwrap(failure));
                    }
                    int status = response.statusCode();
                    if (status >= 500) {
                        throw ProviderException.transport("introspection endpoint answered HTTP " + status, null);
                    }
                    JsonObject json = JsonBodies.parseObject(response.body());
                    if (!Http.isSuccess(status)) {
                        throw ProviderException.tokenError(json == null ? null : JsonBodies.string(json, "error"),
                                null, status);
                    }
                    if (json == null) {
                        throw ProviderException.transport("the introspection response is not a JSON object", null);
                    }
                    return ClaimValues.plainMap(json);
                });
    }
}
