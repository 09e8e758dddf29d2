package com.signward.idserver.jakarta.internal;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Which token, if any, one outgoing request gets: none when the application set its own {@code Authorization}
 * header or the host is not allowed; else, by mode, the caller's access token (exchanged for the configured
 * audience when asked) and/or the application's client-credentials token. Only access tokens ever reach it: the
 * caller's comes from a validated bearer header or the session's access token, never an ID or refresh token.
 * Thread-safe.
 */
final class Propagation {

    private static final System.Logger LOG = System.getLogger(Propagation.class.getName());

    private final PropagationSettings settings;
    private final Supplier<String> clientCredentials;
    private final UnaryOperator<String> exchange;
    private final AtomicBoolean warnedNoHosts = new AtomicBoolean();

    /**
     * @param clientCredentials the application's own (cached) token
     * @param exchange          the (cached) token exchange of a caller's token; used only when an audience is set
     */
    Propagation(PropagationSettings settings, Supplier<String> clientCredentials, UnaryOperator<String> exchange) {
        this.settings = settings;
        this.clientCredentials = clientCredentials;
        this.exchange = exchange;
    }

    /**
     * @param target             the request's URL
     * @param hasOwnAuthorization whether the application already set an {@code Authorization} header
     * @param callerToken        the current caller's access token, if any (asked for only when needed)
     * @return the token to send as {@code Bearer}, or empty
     */
    Optional<String> token(URI target, boolean hasOwnAuthorization, Supplier<Optional<String>> callerToken) {
        if (hasOwnAuthorization) {
            return Optional.empty();
        }
        if (settings.allowedHosts().isEmpty() && warnedNoHosts.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "Signward: SignwardTokenPropagation sends no token anywhere: "
                    + "signward.propagation.allowed-hosts is empty");
        }
        if (!settings.allows(target)) {
            LOG.log(System.Logger.Level.DEBUG, "Signward: no token for {0}: host not in "
                    + "signward.propagation.allowed-hosts", target.getHost());
            return Optional.empty();
        }
        PropagationSettings.Mode mode = settings.mode();
        Optional<String> caller = mode.usesCaller() ? callerToken.get() : Optional.empty();
        if (caller.isPresent()) {
            return settings.exchangeAudience().isPresent() ? caller.map(exchange) : caller;
        }
        return mode.usesClientCredentials() ? Optional.of(clientCredentials.get()) : Optional.empty();
    }
}
