package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.oidc.ClientCredentials;
import com.signward.idserver.internal.oidc.OidcCore;
import com.signward.idserver.internal.oidc.ProviderException;
import com.signward.idserver.internal.oidc.TokenExchange;
import com.signward.idserver.jakarta.SignwardTokenPropagation;
import com.signward.idserver.web.WebLogin;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.client.ClientRequestContext;

import java.io.IOException;
import java.util.Optional;

/**
 * The deployment's {@link SignwardTokenPropagation}: a CDI bean (added by the extension) that the public filter
 * finds through CDI. The caller's token is the one the Signward mechanism accepted for the current request: its
 * bearer token, else the session's access token ({@link WebLogin#sessionAccessToken}, refreshed by the session's
 * single-flight refresh when about to expire). The client-credentials and exchanged tokens are cached
 * ({@link ClientCredentials}, {@link TokenExchange}), so steady state makes no request to Signward.
 */
@ApplicationScoped
public class PropagationFilter extends SignwardTokenPropagation {

    /** How many exchanged tokens are kept at most. */
    private static final int MAX_EXCHANGED = 10_000;

    @Inject
    SignwardExtension extension;

    @Inject
    SignwardProducers producers;

    @Inject
    Instance<HttpServletRequest> request;

    @Inject
    Instance<SignwardAuthenticationMechanism> mechanism;

    private Propagation propagation;

    @PostConstruct
    void init() {
        PropagationSettings settings = extension.propagation();
        OidcCore core = producers.core();
        ClientCredentials clientCredentials = new ClientCredentials(core, settings.scopes());
        TokenExchange exchange = settings.exchangeAudience()
                .map(audience -> new TokenExchange(core, audience, java.util.List.of(), MAX_EXCHANGED))
                .orElse(null);
        propagation = new Propagation(settings, clientCredentials::token,
                token -> exchange == null ? token : exchange.exchange(token));
    }

    @Override
    public void filter(ClientRequestContext context) throws IOException {
        boolean own = context.getHeaders().keySet().stream().anyMatch("Authorization"::equalsIgnoreCase);
        try {
            propagation.token(context.getUri(), own, this::callerToken)
                    .ifPresent(token -> context.getHeaders().putSingle("Authorization", "Bearer " + token));
        } catch (ProviderException e) {
            // the message names the failure, never a token; not chained
            throw new IOException("Signward token propagation: no token could be obtained (" + e.getMessage() + ")");
        }
    }

    /** The access token of the current request's caller, if the Signward mechanism authenticated one. */
    private Optional<String> callerToken() {
        HttpServletRequest current;
        AuthOutcome outcome;
        try {
            current = request.get();
            outcome = AuthOutcome.from(current.getAttribute(AuthOutcome.ATTRIBUTE));
        } catch (RuntimeException noRequest) {
            return Optional.empty(); // not on a request thread
        }
        if (outcome == null || outcome.rejected() || !outcome.user().isAuthenticated()) {
            return Optional.empty();
        }
        BearerHeader header = BearerHeader.of(current);
        if (header.kind() == BearerHeader.Kind.PRESENT) {
            return Optional.of(header.token());
        }
        WebLogin webLogin = mechanism.isResolvable() ? mechanism.get().webLogin(current) : null;
        return webLogin == null ? Optional.empty() : webLogin.sessionAccessToken(current);
    }
}
