package com.signward.idserver.testkit.internal;

import java.io.IOException;

/** {@code GET /.well-known/jwks.json}: the published keys, or 503 while keys are not served (an outage). */
final class JwksEndpoint extends Endpoint {

    JwksEndpoint(Provider provider, String basePath) {
        super(provider, basePath);
    }

    @Override
    void answer(Call call) throws IOException {
        if (!provider.servingKeys()) {
            call.error(503, "temporarily_unavailable", "keys are not served (outage)");
            return;
        }
        call.jsonText(200, provider.keys().jwksJson());
    }
}
