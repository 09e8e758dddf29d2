package com.signward.idserver.testkit.internal;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /connect/endsession} (RP-Initiated Logout 1.0): an {@code id_token_hint} of this issuer (expired ones
 * too) names the client; a {@code post_logout_redirect_uri} must be registered for it exactly and gets the
 * {@code state} back. Without a redirect URI: a "signed out" page.
 */
final class EndSessionEndpoint extends Endpoint {

    EndSessionEndpoint(Provider provider, String basePath) {
        super(provider, basePath);
    }

    @Override
    void answer(Call call) throws IOException {
        Optional<String> hint = call.param("id_token_hint");
        Optional<JwtClaims> idToken = hint.flatMap(t -> provider.keys().verify(t, provider.issuer(), true));
        if (hint.isPresent() && idToken.isEmpty()) {
            call.html(400, LoginPage.error("id_token_hint is not an ID token of this issuer."));
            return;
        }
        String clientId = idToken.map(EndSessionEndpoint::audience).orElse(call.paramOrNull("client_id"));
        String redirect = call.paramOrNull("post_logout_redirect_uri");
        if (redirect == null) {
            call.html(200, LoginPage.message("Signed out", "You are signed out."));
            return;
        }
        Optional<Registration> client = provider.client(clientId);
        if (client.isEmpty() || !client.get().postLogoutRedirectUris().contains(redirect)) {
            call.html(400, LoginPage.error("post_logout_redirect_uri is not registered for this client."));
            return;
        }
        call.redirect(Call.withQuery(redirect, Map.of("state", call.param("state").orElse(""))
                .entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
    }

    private static String audience(JwtClaims claims) {
        try {
            List<String> audience = claims.getAudience();
            return audience.isEmpty() ? null : audience.get(0);
        } catch (MalformedClaimException e) {
            return null;
        }
    }
}
