package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardClient;
import com.signward.idserver.SignwardOptions;
import com.signward.idserver.internal.jwt.CompactJws;
import com.signward.idserver.internal.jwt.TokenRejectedException;
import com.signward.idserver.internal.oidc.Urls;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The application's Signward configurations: the default one (the unnamed {@code signward.*} keys) and the named
 * tenants ({@link TenantSettings}), one {@link SignwardClient} each (its own discovery, JWKS and audience), created
 * on first use and closed with this registry. Routes bearer tokens: a compact JWS goes to the configuration whose
 * expected issuer equals its unverified {@code iss} — read only to choose, the chosen client then verifies
 * everything — and a JWS whose {@code iss} names no configuration to none, so no request ever goes to an issuer a
 * token names. A token that is not a JWS (opaque) goes to the default. Without named tenants there is no routing.
 * Thread-safe.
 */
final class TenantClients implements AutoCloseable {

    private final Supplier<SignwardClient> defaultClient;
    private final String defaultIssuer;
    private final Map<String, SignwardOptions> named;
    private final Map<String, SignwardClient> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param defaultClient the default configuration's client (owned by the caller)
     * @param named         the named tenants' options by name
     */
    TenantClients(SignwardOptions defaults, Supplier<SignwardClient> defaultClient,
                  Map<String, SignwardOptions> named) {
        this.defaultClient = Objects.requireNonNull(defaultClient, "defaultClient");
        this.defaultIssuer = TenantSettings.expectedIssuer(defaults);
        this.named = Map.copyOf(named);
    }

    /**
     * The client that verifies a bearer token.
     *
     * @return the client, or {@code null} when the token is a JWS whose {@code iss} names no configuration
     */
    SignwardClient forToken(String token) {
        if (named.isEmpty()) {
            return defaultClient.get();
        }
        String issuer;
        try {
            issuer = CompactJws.parse(token).unverifiedIssuer();
        } catch (TokenRejectedException notAJws) {
            return defaultClient.get(); // opaque (or malformed): the default configuration answers it
        }
        String tenant = tenantOf(issuer);
        return tenant == null ? null : client(tenant);
    }

    /**
     * @param issuer an {@code iss} value (unverified), or {@code null}
     * @return the name of the configuration expecting it ({@value SignwardOptions#DEFAULT_TENANT} for the
     *         default), or {@code null} when none does
     */
    String tenantOf(String issuer) {
        if (issuer == null) {
            return null;
        }
        if (Urls.sameIssuer(issuer, defaultIssuer)) {
            return SignwardOptions.DEFAULT_TENANT;
        }
        for (Map.Entry<String, SignwardOptions> tenant : named.entrySet()) {
            if (Urls.sameIssuer(issuer, TenantSettings.expectedIssuer(tenant.getValue()))) {
                return tenant.getKey();
            }
        }
        return null;
    }

    /** The named tenants' names (without the default). */
    java.util.Set<String> names() {
        return named.keySet();
    }

    /** Whether a configuration of this name exists ({@value SignwardOptions#DEFAULT_TENANT} always does). */
    boolean has(String name) {
        return SignwardOptions.DEFAULT_TENANT.equals(name) || named.containsKey(name);
    }

    /**
     * The client of a configuration by name ({@value SignwardOptions#DEFAULT_TENANT} or {@code null}: the default).
     *
     * @throws IllegalArgumentException when no such tenant is configured (the message names the missing key)
     */
    SignwardClient client(String name) {
        if (name == null || SignwardOptions.DEFAULT_TENANT.equals(name)) {
            return defaultClient.get();
        }
        SignwardOptions options = named.get(name);
        if (options == null) {
            throw new IllegalArgumentException(missing(name));
        }
        if (closed) {
            throw new IllegalStateException("Signward: the application is shutting down");
        }
        return clients.computeIfAbsent(name, n -> new SignwardClient(options));
    }

    /** Why a tenant name cannot be used. */
    static String missing(String name) {
        return "Signward: no tenant '" + name + "': " + TenantSettings.key(name, "authority") + " is not configured";
    }

    /** Closes the named tenants' clients (the default client belongs to the caller). */
    @Override
    public void close() {
        closed = true;
        clients.values().forEach(SignwardClient::close);
        clients.clear();
    }
}
