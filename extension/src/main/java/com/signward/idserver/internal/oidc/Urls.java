package com.signward.idserver.internal.oidc;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL checks and building shared by the options and the client. */
public final class Urls {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Urls() {
    }

    /**
     * Checks an absolute http(s) base URL without query or fragment and returns it without a trailing slash.
     *
     * @param httpsUnlessLoopback reject {@code http} unless the host is a loopback address
     */
    public static String baseUrl(String option, String value, boolean httpsUnlessLoopback) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is required");
        }
        String trimmed = stripTrailingSlash(value.strip());
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + " is not a valid URL: " + trimmed);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException(option + " must be an absolute http(s) URL: " + trimmed);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(option + " must not have user info, a query or a fragment: " + trimmed);
        }
        if (httpsUnlessLoopback && scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(
                    option + " must use https (plain http is allowed only for loopback hosts): " + trimmed);
        }
        return trimmed;
    }

    /** localhost, 127.0.0.0/8 and ::1, recognised without any DNS lookup. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (IPV4.matcher(h).matches()) {
            String[] octets = h.split("\\.");
            for (String octet : octets) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return octets[0].equals("127");
        }
        if (h.startsWith("[") && h.endsWith("]") && h.indexOf(':') > 0) {
            try {
                // an IPv6 literal (it contains ':'): getByName parses it without a lookup
                return InetAddress.getByName(h.substring(1, h.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    public static String stripTrailingSlash(String url) {
        String s = url;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Whether two issuer identifiers are equal, ignoring one trailing slash difference. */
    public static boolean sameIssuer(String a, String b) {
        return stripTrailingSlash(a).equals(stripTrailingSlash(b));
    }

    /** Appends a query to a URL that may already have one. */
    public static URI withQuery(URI base, FormBody query) {
        if (query.isEmpty()) {
            return base;
        }
        String url = base.toString();
        int fragment = url.indexOf('#');
        if (fragment >= 0) {
            url = url.substring(0, fragment);
        }
        String separator = base.getRawQuery() == null ? "?" : url.endsWith("&") || url.endsWith("?") ? "" : "&";
        return URI.create(url + separator + query.query());
    }
}
