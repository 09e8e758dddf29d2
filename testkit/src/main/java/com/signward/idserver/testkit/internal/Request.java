package com.signward.idserver.testkit.internal;

import java.util.List;
import java.util.Map;

/**
 * A received request as recorded (the public {@code Request} is made from it).
 *
 * @param method  the HTTP method
 * @param path    the path below the authority
 * @param query   the raw query, or {@code null}
 * @param headers the headers, names in lower case
 * @param body    the body as text
 * @param form    query and form-body parameters
 */
public record Request(String method, String path, String query, Map<String, List<String>> headers, String body,
                     Map<String, List<String>> form) {
}
