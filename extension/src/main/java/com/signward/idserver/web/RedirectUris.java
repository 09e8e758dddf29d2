package com.signward.idserver.web;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the absolute URLs sent to Signward (the redirect URI, the post-logout redirect URI):
 * {@code publicBaseUrl} when configured (behind a proxy), else the request's scheme, host and port; then the
 * context path and the route. A request host that is not a plain host name or IP literal is refused, so a
 * forged {@code Host} header cannot put arbitrary text into a URL or a log line.
 */
public final class RedirectUris {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}]|[0-9A-Fa-f:.]{2,45}");

    private final String publicBase;

    RedirectUris(Optional<URI> publicBaseUrl) {
        this.publicBase = publicBaseUrl.map(URI::toString).map(RedirectUris::stripTrailingSlash).orElse(null);
    }

    /**
     * @return the checked base URL, without a trailing slash
     * @throws IllegalArgumentException when it is not an absolute http(s) URL without query, fragment or user info
     */
    public static URI checkBaseUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null
                || url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "publicBaseUrl must be an absolute http(s) URL without query, fragment or user info: " + url);
        }
        return URI.create(stripTrailingSlash(url.toString()));
    }

    /**
     * @param scheme      the request's scheme
     * @param host        the request's server name (from the {@code Host} header)
     * @param port        the request's server port
     * @param contextPath the application's context path ({@code ""} or {@code /app})
     * @param path        a route or a path within the application, starting with {@code /}
     * @return the absolute URL
     * @throws LoginException 400 when the request's host or scheme cannot be used
     */
    String absolute(String scheme, String host, int port, String contextPath, String path) throws LoginException {
        String base = publicBase != null ? publicBase : origin(scheme, host, port);
        String context = contextPath == null ? "" : contextPath;
        if (!context.isEmpty() && (!context.startsWith("/") || context.endsWith("/"))) {
            throw LoginException.badRequest("unusable context path");
        }
        return base + context + path;
    }

    /**
     * The absolute URL of a path of the application (also for other routes than the login's, e.g. the
     * protected-resource metadata), or empty when the request's scheme or host cannot be used.
     */
    public static Optional<String> absoluteUrl(Optional<URI> publicBaseUrl, String scheme, String host, int port,
                                               String contextPath, String path) {
        try {
            return Optional.of(new RedirectUris(publicBaseUrl).absolute(scheme, host, port, contextPath, path));
        } catch (LoginException unusable) {
            return Optional.empty();
        }
    }

    static String origin(String scheme, String host, int port) throws LoginException {
        String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            throw LoginException.badRequest("unsupported scheme");
        }
        boolean ipv6 = host != null && host.contains(":") && IPV6.matcher(host).matches();
        if (host == null || !(HOST_NAME.matcher(host).matches() || ipv6)) {
            throw LoginException.badRequest("unusable Host header");
        }
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        boolean defaultPort = port <= 0 || s.equals("http") && port == 80 || s.equals("https") && port == 443;
        if (port > 65535) {
            throw LoginException.badRequest("unusable port");
        }
        return s + "://" + h.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static String stripTrailingSlash(String value) {
        String result = value;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
