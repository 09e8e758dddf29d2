package com.signward.idserver.testkit.internal;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.io.IOException;
import java.util.List;

/** {@code GET /.well-known/openid-configuration}. */
final class DiscoveryEndpoint extends Endpoint {

    DiscoveryEndpoint(Provider provider, String basePath) {
        super(provider, basePath);
    }

    @Override
    void answer(Call call) throws IOException {
        String iss = provider.issuer();
        call.json(200, Json.createObjectBuilder()
                .add("issuer", iss)
                .add("authorization_endpoint", iss + Provider.AUTHORIZE)
                .add("token_endpoint", iss + Provider.TOKEN)
                .add("userinfo_endpoint", iss + Provider.USERINFO)
                .add("revocation_endpoint", iss + Provider.REVOKE)
                .add("introspection_endpoint", iss + Provider.INTROSPECT)
                .add("end_session_endpoint", iss + Provider.END_SESSION)
                .add("jwks_uri", iss + Provider.JWKS)
                .add("response_types_supported", array(List.of("code")))
                .add("grant_types_supported", array(List.of("authorization_code", "refresh_token",
                        "client_credentials", TokenEndpoint.TOKEN_EXCHANGE)))
                .add("subject_types_supported", array(List.of("public")))
                .add("id_token_signing_alg_values_supported", array(List.of("RS256")))
                .add("code_challenge_methods_supported", array(List.of("S256")))
                .add("token_endpoint_auth_methods_supported", array(provider.clientAuthMethods()))
                .add("scopes_supported", array(List.of("openid", "profile", "email", "roles", "offline_access")))
                .add("authorization_response_iss_parameter_supported", true)
                .add("backchannel_logout_supported", true)
                .add("backchannel_logout_session_supported", true)
                .build());
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
