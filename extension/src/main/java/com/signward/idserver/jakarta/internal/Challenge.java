package com.signward.idserver.jakarta.internal;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * RFC 6750 responses: the {@code WWW-Authenticate} values and the small JSON bodies that go with them,
 * written the same way by the mechanism, the servlet filter and the JAX-RS filters.
 */
public final class Challenge {

    /** Header name. */
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    /** The {@code error} of a 403 for a caller of another tenant. */
    public static final String INSUFFICIENT_TENANT = "insufficient_tenant";
    private static final String TENANT_DESCRIPTION = "the caller's tenant is not allowed here";

    private Challenge() {
    }

    /** {@code Bearer realm="…"}: authentication is required and none was presented. */
    public static String bearer(String realm) {
        return bearer(realm, null);
    }

    /**
     * {@code Bearer realm="…"}, with {@code resource_metadata="…"} (RFC 9728 §5.1) when a URL is given.
     *
     * @param resourceMetadata the absolute URL of the protected-resource metadata, or {@code null}
     */
    public static String bearer(String realm, String resourceMetadata) {
        String challenge = "Bearer realm=\"" + quotable(realm) + "\"";
        return resourceMetadata == null ? challenge
                : challenge + ", resource_metadata=\"" + quotable(resourceMetadata) + "\"";
    }

    /** {@code Bearer realm="…", error="invalid_token", error_description="…"}. */
    public static String invalidToken(String realm, String description) {
        return invalidToken(realm, description, null);
    }

    /** {@link #invalidToken(String, String)} with {@code resource_metadata} when a URL is given. */
    public static String invalidToken(String realm, String description, String resourceMetadata) {
        return bearer(realm, resourceMetadata) + ", error=\"invalid_token\", error_description=\""
                + quotable(description) + "\"";
    }

    /** The JSON body: {@code {"error": …, "error_description": …}}. */
    public static String body(String error, String description) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("error", error);
        if (description != null) {
            body.add("error_description", description);
        }
        return body.build().toString();
    }

    /** A JAX-RS response with the JSON body, for the filters and the interceptor. */
    public static Response.ResponseBuilder jaxrs(int status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").entity(body(error, description));
    }

    /** The JAX-RS 401 for a request without a credential. */
    public static Response jaxrsAuthenticationRequired(String realm) {
        return jaxrsAuthenticationRequired(realm, null);
    }

    /** The JAX-RS 401 for a request without a credential, naming the resource metadata when a URL is given. */
    public static Response jaxrsAuthenticationRequired(String realm, String resourceMetadata) {
        Response.ResponseBuilder response = jaxrs(401, "unauthorized", "authentication required");
        return realm == null ? response.build()
                : response.header(WWW_AUTHENTICATE, bearer(realm, resourceMetadata)).build();
    }

    /** The JAX-RS 403 for a caller without the required role. */
    public static Response jaxrsForbidden() {
        return jaxrs(403, "forbidden", "missing required role").build();
    }

    /** The JAX-RS 403 for a caller of another tenant. */
    public static Response jaxrsWrongTenant() {
        return jaxrs(403, INSUFFICIENT_TENANT, TENANT_DESCRIPTION).build();
    }

    /** The response for a rejected outcome (401 invalid_token, or 503 when Signward was unreachable). */
    public static void writeRejection(HttpServletResponse response, AuthOutcome outcome) throws IOException {
        if (outcome.status() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", "30");
            write(response, outcome.status(), null, body("temporarily_unavailable", outcome.rejection()));
        } else {
            write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    invalidToken(outcome.realm(), outcome.rejection(), outcome.resourceMetadata()),
                    body("invalid_token", outcome.rejection()));
        }
    }

    /** 401 with {@code Bearer realm="…"}: a protected resource was requested without a credential. */
    public static void writeAuthenticationRequired(HttpServletResponse response, String realm) throws IOException {
        writeAuthenticationRequired(response, realm, null);
    }

    /** {@link #writeAuthenticationRequired(HttpServletResponse, String)} naming the resource metadata, if any. */
    public static void writeAuthenticationRequired(HttpServletResponse response, String realm,
                                                   String resourceMetadata) throws IOException {
        write(response, HttpServletResponse.SC_UNAUTHORIZED, bearer(realm, resourceMetadata),
                body("unauthorized", "authentication required"));
    }

    /** 403 with a JSON body: {@code forbidden}, or {@code insufficient_tenant} for another tenant. */
    public static void writeForbidden(HttpServletResponse response, boolean tenant) throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, null, tenant ? body(INSUFFICIENT_TENANT, TENANT_DESCRIPTION)
                : body("forbidden", "missing required role"));
    }

    /** 403 as a small HTML page, for browsers. */
    public static void writeForbiddenPage(HttpServletResponse response, boolean tenant) throws IOException {
        String text = tenant ? "Your organisation does not have access to this page."
                : "You do not have the role this page needs.";
        write(response, HttpServletResponse.SC_FORBIDDEN, null, "<!DOCTYPE html><html lang=\"en\"><head>"
                + "<meta charset=\"utf-8\"><title>Forbidden</title></head><body><h1>Forbidden</h1><p id=\"reason\" "
                + "data-error=\"" + (tenant ? INSUFFICIENT_TENANT : "forbidden") + "\">" + text + "</p></body></html>",
                "text/html;charset=UTF-8");
    }

    private static void write(HttpServletResponse response, int status, String challenge, String json)
            throws IOException {
        write(response, status, challenge, json, "application/json");
    }

    private static void write(HttpServletResponse response, int status, String challenge, String json,
                              String contentType) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        if (challenge != null) {
            response.setHeader(WWW_AUTHENTICATE, challenge);
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(contentType);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** Keeps only the characters RFC 6750 allows inside a quoted auth-param (no quote, no backslash). */
    private static String quotable(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c >= 0x20 && c <= 0x7E && c != '"' && c != '\\') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
