package com.signward.idserver.web;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The same-origin check of state-changing requests authenticated by the session cookie (not by a bearer header):
 * POST, PUT, PATCH and DELETE are accepted when {@code Sec-Fetch-Site} is {@code same-origin} or {@code none}, else
 * when {@code Origin} is the application's origin (the public base URL's, or the request's own) or an allowed one;
 * otherwise refused with the reason. Safe methods are never checked. Immutable.
 */
final class CsrfGuard {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final boolean enabled;
    private final Optional<String> publicOrigin;
    private final Set<String> allowedOrigins;

    CsrfGuard(boolean enabled, Optional<URI> publicBaseUrl, Set<String> allowedOrigins) {
        this.enabled = enabled;
        this.publicOrigin = publicBaseUrl.map(u -> SessionSettings.origin(u.getScheme(), u.getHost(), u.getPort()));
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** @return why the request is refused, or empty when it may proceed */
    Optional<String> refusal(HttpServletRequest request) {
        return refusal(request.getMethod(), request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"),
                SessionSettings.origin(request.getScheme(), request.getServerName(), request.getServerPort()));
    }

    /**
     * The decision on header values.
     *
     * @param ownOrigin the origin the request was sent to (scheme, host and port as the server sees them)
     */
    Optional<String> refusal(String method, String secFetchSite, String origin, String ownOrigin) {
        if (!enabled || method == null || !UNSAFE.contains(method.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String site = secFetchSite == null ? null : secFetchSite.strip().toLowerCase(Locale.ROOT);
        if ("same-origin".equals(site) || "none".equals(site)) {
            return Optional.empty();
        }
        if (origin != null && !origin.isBlank()) {
            String o = normalize(origin.strip());
            if (o != null && (o.equals(ownOrigin) || publicOrigin.filter(o::equals).isPresent()
                    || allowedOrigins.contains(o))) {
                return Optional.empty();
            }
            return Optional.of("cross-site request refused: Origin " + (o == null ? "(unreadable)" : o)
                    + " is not this application's origin");
        }
        if (site != null) {
            return Optional.of("cross-site request refused: Sec-Fetch-Site is " + site + " and there is no Origin");
        }
        return Optional.of("cross-site request refused: neither Sec-Fetch-Site nor Origin proves the request comes "
                + "from this application");
    }

    private static String normalize(String origin) {
        try {
            URI uri = URI.create(origin);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null; // e.g. "null"
            }
            return SessionSettings.origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
