package com.signward.idserver.internal.oidc;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Builds {@code application/x-www-form-urlencoded} bodies and query strings. Parameters with a
 * {@code null} value are left out. Deliberately has no {@code toString()}: bodies carry codes and secrets.
 */
public final class FormBody {

    private final StringBuilder encoded = new StringBuilder();

    public FormBody add(String name, String value) {
        if (value != null) {
            if (encoded.length() > 0) {
                encoded.append('&');
            }
            encoded.append(encode(name)).append('=').append(encode(value));
        }
        return this;
    }

    public boolean isEmpty() {
        return encoded.length() == 0;
    }

    HttpRequest.BodyPublisher publisher() {
        return HttpRequest.BodyPublishers.ofString(encoded.toString(), StandardCharsets.UTF_8);
    }

    /** @return the parameters as a query string, with spaces as {@code %20} */
    public String query() {
        // URLEncoder writes a space as '+' and a literal '+' as %2B, so this replaces spaces only
        return encoded.toString().replace("+", "%20");
    }

    /** Form-urlencodes one value (UTF-8), as RFC 6749 also requires for client credentials in Basic auth. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
