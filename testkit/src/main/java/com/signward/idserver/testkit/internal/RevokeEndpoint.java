package com.signward.idserver.testkit.internal;


import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST /connect/revoke} (RFC 7009): after client authentication, a refresh token ends its session (all
 * tokens of that login), an access token is revoked by its {@code jti}; unknown tokens are answered 200 too.
 */
final class RevokeEndpoint extends Endpoint {

    RevokeEndpoint(Provider provider, String basePath) {
        super(provider, basePath);
    }

    @Override
    void answer(Call call) throws IOException {
        Optional<Registration> client = ClientAuthentication.authenticate(call, provider);
        if (client.isEmpty()) {
            call.error(401, "invalid_client", "client authentication failed");
            return;
        }
        Optional<String> token = call.param("token");
        if (token.isEmpty()) {
            call.error(400, "invalid_request", "token is required");
            return;
        }
        provider.grants().revokeRefreshToken(token.get(), client.get().id());
        provider.activeAccessToken(token.get()).ifPresent(claims -> {
            try {
                provider.grants().revokeTokenId(claims.getJwtId());
            } catch (org.jose4j.jwt.MalformedClaimException e) {
                // not one of ours
            }
        });
        call.status(200);
    }
}
