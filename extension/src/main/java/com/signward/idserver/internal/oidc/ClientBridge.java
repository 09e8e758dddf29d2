package com.signward.idserver.internal.oidc;

import java.util.Objects;
import java.util.function.Function;

/**
 * Gives the integration layers the {@link OidcCore} of a {@code SignwardClient} without a public accessor on the API
 * type (the pattern of the JDK's {@code SharedSecrets}): the client registers the accessor when its class is
 * initialized. Only the first registration counts.
 */
public final class ClientBridge {

    private static volatile Function<Object, OidcCore> accessor;

    private ClientBridge() {
    }

    /** Called once, by {@code SignwardClient}. */
    public static synchronized void register(Function<Object, OidcCore> coreOfClient) {
        if (accessor == null) {
            accessor = Objects.requireNonNull(coreOfClient, "coreOfClient");
        }
    }

    /** @return the core of a {@code SignwardClient} instance (not of a CDI proxy of it) */
    public static OidcCore coreOf(Object client) {
        Function<Object, OidcCore> current = accessor;
        if (current == null) {
            throw new IllegalStateException("SignwardClient has not been initialized");
        }
        return current.apply(client);
    }
}
