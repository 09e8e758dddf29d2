package com.signward.examples.webapp;

import com.signward.idserver.SignwardUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * The example's HTML layout: a header with the navigation and who is signed in, the page, the app's own stylesheet
 * ({@code style.css}) and icon ({@code favicon.svg}), both served by the WAR, nothing loaded from elsewhere.
 * Everything that comes from a token is escaped.
 */
final class Page {

    private static final String[][] NAVIGATION = {{"/", "Home"}, {"/profile", "Profile"}, {"/admin", "Admin"}};

    private Page() {
    }

    /** Writes a complete page: title, a header that knows who is signed in, and the body. */
    static void write(HttpServletRequest request, HttpServletResponse response, SignwardUser user, String title,
                      String body) throws IOException {
        String context = request.getContextPath();
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Signward example</title>
                <link rel="icon" href="%s/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="%s/style.css">
                </head><body>
                <header class="bar">
                <a class="brand" href="%s/"><img src="%s/favicon.svg" alt="">Signward example</a>
                <nav>%s</nav>
                <div class="session">%s</div>
                </header>
                <main>
                <h1>%s</h1>
                %s
                </main>
                <footer>examples/webapp: Servlets protected by the Signward jar (browser login with Authorization Code
                + PKCE).</footer>
                </body></html>
                """.formatted(escape(title), context, context, context, context, navigation(request),
                session(context, user), escape(title), body));
    }

    /** The navigation links; the current page's is marked. */
    private static String navigation(HttpServletRequest request) {
        String current = request.getServletPath().isEmpty() ? "/" : request.getServletPath();
        StringBuilder out = new StringBuilder();
        for (String[] link : NAVIGATION) {
            out.append("<a href=\"").append(request.getContextPath()).append(link[0]).append('"')
                    .append(link[0].equals(current) ? " class=\"current\"" : "").append('>').append(link[1])
                    .append("</a>");
        }
        return out.toString();
    }

    /** Sign-in link, or the user's name and a sign-out button (POST, so that no link or image can log you out). */
    private static String session(String context, SignwardUser user) {
        if (!user.isAuthenticated()) {
            return "<a class=\"button\" href=\"" + context + "/auth/login\">Log in</a>";
        }
        return "<span class=\"user\">" + escape(displayName(user)) + "</span>"
                + "<form method=\"post\" action=\"" + context + "/auth/logout\">"
                + "<button class=\"secondary\" type=\"submit\">Log out</button></form>";
    }

    /** Role names as badges (custom roles in their own colour), or "none". */
    static String badges(List<String> roles, boolean custom) {
        if (roles.isEmpty()) {
            return "<span class=\"muted\">none</span>";
        }
        StringBuilder out = new StringBuilder();
        roles.forEach(role -> out.append("<span class=\"badge").append(custom ? " custom" : "").append("\">")
                .append(escape(role)).append("</span>"));
        return out.toString();
    }

    /** The name to greet the user with: name, else email, else the subject. */
    static String displayName(SignwardUser user) {
        if (user.name() != null) {
            return user.name();
        }
        return user.email() != null ? user.email() : String.valueOf(user.claims().get("sub"));
    }

    /** A comma-separated list, or "none". */
    static String list(List<String> values) {
        return values.isEmpty() ? "none" : escape(String.join(", ", values));
    }

    /** HTML-escapes text (user names and claims are data, never markup). */
    static String escape(Object value) {
        String text = String.valueOf(value);
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
