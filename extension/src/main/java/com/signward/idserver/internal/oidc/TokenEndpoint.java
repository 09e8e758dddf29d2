package com.signward.idserver.internal.oidc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import jakarta.json.JsonObject;

/**
 * Token, revocation (and, through {@link IntrospectionEndpoint}, introspection) requests with client authentication: {@code client_secret_basic} when the discovery document
 * lists it, else {@code client_secret_post}; a public client sends its {@code client_id} in the body.
 */
final class TokenEndpoint {

    private final HttpClient http;
    private final OidcConfig options;

    TokenEndpoint(HttpClient http, OidcConfig options) {
        this.http = http;
        this.options = options;
    }

    /** Posts a grant ({@code grant_type} and its parameters) to the token endpoint. */
    CompletableFuture<TokenSet> grant(ProviderMetadata metadata, FormBody grant) {
        return Http.send(http, post(metadata, metadata.tokenEndpoint(), grant))
                .handle((response, failure) -> {
                    JsonObject json = checked(response, failure, "token");
                    if (json == null) {
                        throw ProviderException.tokenError(null, "the token response is not a JSON object",
                                response.statusCode());
                    }
                    return TokenSet.from(json, response.statusCode());
                });
    }

    /** RFC 7009 revocation; completes normally on HTTP 2xx. */
    CompletableFuture<Void> revoke(ProviderMetadata metadata, String token, String tokenTypeHint) {
        FormBody form = new FormBody().add("token", token).add("token_type_hint", tokenTypeHint);
        return Http.send(http, post(metadata, metadata.revocationEndpointOrDefault(options), form))
                .handle((response, failure) -> {
                    checked(response, failure, "revocation");
                    return null;
                });
    }

    /** A POST of the form to an endpoint of the provider with this client's authentication (also introspection). */
    HttpRequest post(ProviderMetadata metadata, URI endpoint, FormBody form) {
        HttpRequest.Builder request = Http.request(endpoint, options.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded");
        String secret = options.clientSecret();
        if (secret != null && metadata.clientSecretBasic()) {
            // RFC 6749 2.3.1: id and secret are form-urlencoded before Base64
            String credentials = FormBody.encode(options.clientId()) + ":" + FormBody.encode(secret);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.add("client_id", options.clientId()).add("client_secret", secret);
        }
        return request.POST(form.publisher()).build();
    }

    /**
     * @return the JSON body of a 2xx response (or {@code null} when it is not a JSON object)
     * @throws ProviderException TRANSPORT on a transport failure, TOKEN on an error status
     */
    private JsonObject checked(HttpResponse<String> response, Throwable failure, String what) {
        if (failure != null) {
            throw ProviderException.transport(what + " request failed: "
                    + Http.describe(failure, options.timeout()), Http.unwrap(failure));
        }
        JsonObject json = JsonBodies.parseObject(response.body());
        if (Http.isSuccess(response.statusCode())) {
            return json;
        }
        String error = json == null ? null : JsonBodies.string(json, "error");
        String description = json == null ? null : JsonBodies.string(json, "error_description");
        throw ProviderException.tokenError(error, description, response.statusCode());
    }
}
