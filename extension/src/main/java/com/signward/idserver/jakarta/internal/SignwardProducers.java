package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardClient;
import com.signward.idserver.SignwardUser;
import com.signward.idserver.internal.oidc.ClientBridge;
import com.signward.idserver.internal.oidc.OidcCore;
import com.signward.idserver.jakarta.SignwardPrincipal;
import com.signward.idserver.jakarta.SignwardTenant;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/**
 * Owns the application's default {@link SignwardClient} (built from configuration on first use, closed at shutdown; it
 * fetches nothing until used) and its core, which the browser login shares, so the application, the mechanism and
 * the login see one discovery document and one key set. Produces the client and the current request's
 * {@link SignwardUser}: the user of the request's {@link AuthOutcome} (the mechanism's decision), else — when the
 * application has its own mechanism and used Signward's identity store — the user of the
 * {@link SignwardPrincipal}, else the anonymous user; never {@code null}. The named tenants' clients live in
 * {@link TenantClients} ({@code @SignwardTenant("name") SignwardClient}).
 */
@ApplicationScoped
public class SignwardProducers {

    @Inject
    SignwardExtension extension;

    @Inject
    TenantExtension tenantExtension;

    @Inject
    Instance<HttpServletRequest> request;

    @Inject
    Instance<SecurityContext> securityContext;

    private volatile SignwardClient client;
    private volatile TenantClients tenants;

    /** The application's client (not a proxy); created once, read without a lock on every request. */
    public SignwardClient client() {
        SignwardClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = new SignwardClient(extension.deployment().options());
                    client = current;
                }
            }
        }
        return current;
    }

    /** Every configuration's client: the default and the named tenants, for routing bearer tokens. */
    TenantClients tenants() {
        TenantClients current = tenants;
        if (current == null) {
            synchronized (this) {
                current = tenants;
                if (current == null) {
                    current = new TenantClients(extension.deployment().options(), this::client,
                            tenantExtension.tenants());
                    tenants = current;
                }
            }
        }
        return current;
    }

    /** The core behind {@link #client()}, for the browser login. */
    public OidcCore core() {
        return ClientBridge.coreOf(client());
    }

    @PreDestroy
    synchronized void close() {
        if (tenants != null) {
            tenants.close();
        }
        if (client != null) {
            client.close();
        }
    }

    @Produces
    @ApplicationScoped
    SignwardClient produceClient() {
        return client();
    }

    /** {@code @Inject @SignwardTenant("name") SignwardClient}: the named tenant's client (shared, not a copy). */
    @Produces
    @SignwardTenant("")
    SignwardClient tenantClient(InjectionPoint injectionPoint) {
        String name = injectionPoint.getQualifiers().stream()
                .filter(SignwardTenant.class::isInstance).map(q -> ((SignwardTenant) q).value())
                .findFirst().orElse(null);
        return tenants().client(name);
    }

    @Produces
    @RequestScoped
    SignwardUser currentUser() {
        try {
            AuthOutcome outcome = AuthOutcome.from(request.get().getAttribute(AuthOutcome.ATTRIBUTE));
            if (outcome != null) {
                return outcome.user();
            }
        } catch (RuntimeException noHttpRequest) {
            // not in an HTTP request: fall through
        }
        try {
            Set<SignwardPrincipal> principals = securityContext.get().getPrincipalsByType(SignwardPrincipal.class);
            return principals.isEmpty() ? SignwardUser.anonymous() : principals.iterator().next().user();
        } catch (RuntimeException noSecurityContext) {
            return SignwardUser.anonymous();
        }
    }
}
