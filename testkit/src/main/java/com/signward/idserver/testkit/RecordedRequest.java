package com.signward.idserver.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request {@link FakeSignward} received, as the application sent it.
 *
 * @param method  the HTTP method
 * @param path    the path below the authority, e.g. {@code /connect/token}
 * @param query   the raw query, or {@code null}
 * @param headers the headers (names in lower case)
 * @param body    the body as text ({@code ""} when none)
 * @param form    the form parameters of the query and an {@code application/x-www-form-urlencoded} body
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              String body, Map<String, List<String>> form) {

    /** Copies the maps. */
    public RecordedRequest {
        headers = Map.copyOf(headers);
        form = Map.copyOf(form);
    }

    /** Whether this request went to {@code path} (e.g. {@code /connect/token}). */
    public boolean isTo(String endpointPath) {
        return path.equals(endpointPath);
    }

    /** The first value of a form or query parameter. */
    public Optional<String> param(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public String toString() {
        // never the body or headers: they hold codes, verifiers and secrets
        return method + " " + path + " " + form.keySet();
    }
}
