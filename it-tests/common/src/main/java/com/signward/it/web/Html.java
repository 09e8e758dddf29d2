package com.signward.it.web;

import com.signward.idserver.SignwardUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Writes the small HTML pages of the test application (every value escaped). */
final class Html {

    private Html() {
    }

    /**
     * A page: title, who is signed in ({@code id="user-name"}, or {@code id="anonymous"}), the given content, and
     * a sign-in link or a sign-out form.
     */
    static void page(HttpServletRequest request, HttpServletResponse response, String title, SignwardUser user,
                     String content) throws IOException {
        String context = request.getContextPath();
        StringBuilder html = new StringBuilder(1024)
                .append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head><body><h1 id=\"title\">").append(escape(title))
                .append("</h1>");
        if (user.isAuthenticated()) {
            html.append("<p>Signed in as <span id=\"user-name\">").append(escape(user.name())).append("</span>")
                    .append(" (<span id=\"user-id\">").append(escape(String.valueOf(user.userId())))
                    .append("</span>)</p>")
                    .append("<form id=\"logout\" method=\"post\" action=\"").append(escape(context))
                    .append("/auth/logout\"><button id=\"logout-button\" type=\"submit\">Sign out</button></form>");
        } else {
            html.append("<p id=\"anonymous\">Not signed in.</p><p><a id=\"login\" href=\"").append(escape(context))
                    .append("/auth/login\">Sign in</a></p>");
        }
        html.append(content).append("</body></html>");
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(html.toString());
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
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
