package com.signward.idserver.jakarta.internal;

import io.smallrye.jwt.auth.cdi.PrincipalProducer;
import jakarta.enterprise.inject.Instance;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Makes {@code @Inject JsonWebToken} give the verified token of a bearer caller. The producer is smallrye-jwt's own
 * request-scoped {@link PrincipalProducer} (shipped with the jar; the jar registers no competing producer): for a
 * request Signward's mechanism authenticated with a bearer token it is handed a {@link SignwardJsonWebToken}; for
 * other requests (browser sessions, anonymous callers, applications with their own mechanism such as the runtime's
 * MP-JWT) nothing is handed over and the producer answers as it always does (an empty token when nobody set one).
 */
final class JsonWebTokenView {

    private JsonWebTokenView() {
    }

    static void offer(Instance<PrincipalProducer> producer, HttpServletRequest request, AuthOutcome outcome) {
        if (outcome == null || !outcome.user().isAuthenticated() || producer == null || !producer.isResolvable()) {
            return;
        }
        BearerHeader header = BearerHeader.of(request);
        if (header.kind() == BearerHeader.Kind.PRESENT) {
            producer.get().setJsonWebToken(new SignwardJsonWebToken(outcome.user(), header.token()));
        }
    }
}
