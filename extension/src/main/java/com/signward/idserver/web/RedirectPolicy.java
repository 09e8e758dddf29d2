package com.signward.idserver.web;

import java.util.List;
import java.util.Locale;

/** Pure request classification and path helpers behind {@link WebLogin}'s servlet-facing methods. */
final class RedirectPolicy {

    private RedirectPolicy() {
    }

    /**
     * @param authorization   every {@code Authorization} header value
     * @param xRequestedWith  the {@code X-Requested-With} header, or {@code null}
     * @param accept          every {@code Accept} header value
     * @return whether a redirect to the login page makes sense for this request
     */
    static boolean acceptsRedirect(List<String> authorization, String xRequestedWith, List<String> accept) {
        for (String value : authorization) {
            String v = value.strip();
            if (v.regionMatches(true, 0, "Bearer", 0, 6) && (v.length() == 6 || Character.isWhitespace(v.charAt(6)))) {
                return false;
            }
        }
        if (xRequestedWith != null && xRequestedWith.strip().equalsIgnoreCase("XMLHttpRequest")) {
            return false;
        }
        for (String value : accept) {
            if (value.toLowerCase(Locale.ROOT).contains("text/html")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param requestUri  the raw request URI (path only, as sent)
     * @param contextPath the context path ({@code ""} for the root application)
     * @return the path below the context path, without path parameters ({@code ;jsessionid=…}); {@code /} at least
     */
    static String pathWithinApplication(String requestUri, String contextPath) {
        String uri = requestUri == null ? "" : requestUri;
        String context = contextPath == null ? "" : contextPath;
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        StringBuilder result = new StringBuilder(path.length());
        for (String segment : path.split("/", -1)) {
            if (result.length() > 0 || !segment.isEmpty()) {
                result.append('/');
            }
            int semicolon = segment.indexOf(';');
            result.append(semicolon >= 0 ? segment.substring(0, semicolon) : segment);
        }
        String cleaned = result.toString();
        return cleaned.isEmpty() ? "/" : cleaned;
    }
}
