package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardClient;
import com.signward.idserver.SignwardOptions;
import com.signward.idserver.SignwardUser;
import com.signward.idserver.internal.jwt.CompactJws;
import com.signward.idserver.internal.jwt.TokenRejectedException;
import com.signward.idserver.internal.oidc.ClientBridge;
import com.signward.idserver.jakarta.SignwardTenantResolver;
import com.signward.idserver.web.WebLogin;
import com.signward.idserver.web.WebLoginSettings;
import com.signward.idserver.web.state.StateStore;
import jakarta.servlet.http.HttpServletRequest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The browser logins of every tenant configuration: one {@link WebLogin} each (its own client, so its own
 * discovery, keys and token endpoint), sharing the routes, the session attributes and the state store. Chooses
 * which one handles a request: the login route asks the application's {@link SignwardTenantResolver}; the callback
 * goes to the tenant its attempt started with (recorded with the {@code state}), whatever the resolver would say
 * now; a back-channel logout to the tenant its logout token's issuer names; every other request to the tenant of
 * the session's login. A session holds one login, of one tenant, which only that tenant's login refreshes.
 */
final class TenantWebLogins {

    private static final System.Logger LOG = System.getLogger(TenantWebLogins.class.getName());

    private final WebLogin defaultLogin;
    private final Map<String, WebLogin> logins = new LinkedHashMap<>();
    private final TenantClients tenants;
    private final Supplier<SignwardTenantResolver> resolver;

    /**
     * @param resolver the application's resolver, or a supplier of {@code null} when it has none
     */
    TenantWebLogins(SignwardClient defaultClient, TenantClients tenants, WebLoginSettings settings, StateStore state,
                    Supplier<SignwardTenantResolver> resolver) {
        this.tenants = tenants;
        this.resolver = resolver;
        this.defaultLogin = login(defaultClient, settings, state);
        logins.put(SignwardOptions.DEFAULT_TENANT, defaultLogin);
        for (String name : tenants.names()) {
            logins.put(name, login(tenants.client(name), settings, state));
        }
    }

    private static WebLogin login(SignwardClient client, WebLoginSettings settings, StateStore state) {
        SignwardOptions options = client.options();
        return new WebLogin(ClientBridge.coreOf(client), claims -> SignwardUser.fromClaims(claims, options),
                settings, state, options.tenantName());
    }

    /** The default tenant's login (routes and settings common to all). */
    WebLogin defaultLogin() {
        return defaultLogin;
    }

    /**
     * The login that handles this request.
     *
     * @return the login, or {@code null} when the resolver named a tenant that is not configured (refuse the login)
     */
    WebLogin forRequest(HttpServletRequest request) {
        if (logins.size() == 1) {
            return defaultLogin;
        }
        String tenant;
        if (defaultLogin.isLoginRoute(request)) {
            SignwardTenantResolver current = resolver.get();
            tenant = current == null ? null : current.resolve(request);
            if (tenant != null && !logins.containsKey(tenant)) {
                LOG.log(System.Logger.Level.WARNING, "Signward login: the SignwardTenantResolver chose tenant {0}, "
                        + "which is not configured ({1})", tenant, TenantClients.missing(tenant));
                return null;
            }
        } else if (defaultLogin.isBackchannelLogoutRoute(request)) {
            tenant = tenants.tenantOf(unverifiedIssuer(request.getParameter("logout_token")));
        } else {
            tenant = defaultLogin.sessionTenant(request);
        }
        return tenant == null ? defaultLogin : logins.getOrDefault(tenant, defaultLogin);
    }

    /** Only to choose the tenant whose keys then verify the logout token. */
    private static String unverifiedIssuer(String token) {
        try {
            return token == null ? null : CompactJws.parse(token).unverifiedIssuer();
        } catch (TokenRejectedException notAJws) {
            return null;
        }
    }
}
