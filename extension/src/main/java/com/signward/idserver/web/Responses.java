package com.signward.idserver.web;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the login routes' responses: redirects, and clean error answers (a small HTML page for browsers, else
 * {@code {"error": …, "error_description": …}}) — never a stack trace or a server error page. Every answer of
 * the routes is {@code Cache-Control: no-store} and {@code Referrer-Policy: no-referrer}.
 */
final class Responses {

    private Responses() {
    }

    static void protect(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /** A redirect with a Location as given (relative paths stay relative, which works behind proxies). */
    static void redirect(HttpServletResponse response, int status, String location) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        protect(response);
        response.setStatus(status);
        response.setHeader("Location", location);
        response.setContentLength(0);
        response.flushBuffer();
    }

    static void methodNotAllowed(HttpServletResponse response, String allow) throws IOException {
        LoginException e = new LoginException(405, "invalid_request", "method not allowed", "method not allowed");
        response.setHeader("Allow", allow);
        write(null, response, e, null);
    }

    /**
     * @param request  to choose HTML or JSON ({@code null}: JSON)
     * @param retryUrl a link offered on the HTML page to start again, or {@code null}
     */
    static void write(HttpServletRequest request, HttpServletResponse response, LoginException error,
                      String retryUrl) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        protect(response);
        response.setStatus(error.status());
        String body;
        if (request != null && wantsHtml(request)) {
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Content-Security-Policy", "default-src 'none'");
            body = html(error.getMessage(), retryUrl);
        } else {
            response.setContentType("application/json;charset=UTF-8");
            body = Json.createObjectBuilder().add("error", error.error())
                    .add("error_description", error.getMessage()).build().toString();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    private static String html(String message, String retryUrl) {
        StringBuilder page = new StringBuilder(400)
                .append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sign-in problem</title></head>")
                .append("<body><h1>Sign-in problem</h1><p>").append(escape(message)).append("</p>");
        if (retryUrl != null) {
            page.append("<p><a href=\"").append(escape(retryUrl)).append("\">Sign in again</a></p>");
        }
        return page.append("</body></html>").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
