package com.signward.idserver.jakarta;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import java.io.IOException;

/**
 * Sends Signward access tokens to the other services an application calls: register it on a JAX-RS client
 * ({@code client.register(SignwardTokenPropagation.class)}) or a MicroProfile Rest Client interface
 * ({@code @RegisterProvider(SignwardTokenPropagation.class)}). Each request to a host listed in
 * {@code signward.propagation.allowed-hosts} gets {@code Authorization: Bearer …} with, by
 * {@code signward.propagation.mode}: the current caller's access token (the request's bearer token, or the browser
 * session's access token, refreshed first when about to expire), exchanged for {@code signward.propagation.exchange.audience}
 * when set; or the application's own client-credentials token. Nothing is sent to other hosts, nothing replaces an
 * {@code Authorization} header the application set, and ID and refresh tokens are never sent. Tokens come from the
 * current thread's request: use it for calls made while serving a request (or in client-credentials mode).
 *
 * <p>Instances made by the JAX-RS or Rest Client runtime find the deployment's configured propagation through CDI;
 * {@code @Inject SignwardTokenPropagation} gives it directly.
 */
public class SignwardTokenPropagation implements ClientRequestFilter {

    private volatile ClientRequestFilter deployed;

    /** For the JAX-RS and Rest Client runtimes, which create registered provider classes. */
    public SignwardTokenPropagation() {
    }

    /**
     * Adds the {@code Authorization} header when the settings say so.
     *
     * @throws IOException when a token was due but could not be obtained from Signward (the call is not made),
     *                     or when the Signward jar is not active in this application
     */
    @Override
    public void filter(ClientRequestContext request) throws IOException {
        deployed().filter(request);
    }

    private ClientRequestFilter deployed() throws IOException {
        ClientRequestFilter current = deployed;
        if (current == null) {
            try {
                current = CDI.current().select(SignwardTokenPropagation.class).get();
            } catch (RuntimeException e) {
                throw new IOException("Signward token propagation is not available: the Signward jar is not active "
                        + "in this application (" + e.getClass().getName() + ")");
            }
            if (current.getClass() == SignwardTokenPropagation.class) {
                throw new IOException("Signward token propagation is not available: no configured propagation");
            }
            deployed = current;
        }
        return current;
    }
}
