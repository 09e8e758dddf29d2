package com.signward.examples.webapp;

import com.signward.idserver.SignwardUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/** A tiny HTML layout for the example's pages, with escaping of everything that comes from a token. */
final class Page {

    private Page() {
    }

    /** Writes a complete page: title, a navigation bar that knows who is signed in, and the body. */
    static void write(HttpServletRequest request, HttpServletResponse response, SignwardUser user, String title,
                      String body) throws IOException {
        String context = request.getContextPath();
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s · Signward example</title>
                <style>body{font-family:sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem}
                nav a,nav form{margin-right:1rem}form{display:inline}td{padding:.2rem .8rem .2rem 0}</style>
                </head><body>
                <nav><a href="%s/">Home</a><a href="%s/profile">Profile</a><a href="%s/admin">Admin</a>%s</nav>
                <h1>%s</h1>
                %s
                </body></html>
                """.formatted(escape(title), context, context, context, session(context, user), escape(title), body));
    }

    /** Sign-in link, or the user's name and a sign-out button (POST, so that no link or image can log you out). */
    private static String session(String context, SignwardUser user) {
        if (!user.isAuthenticated()) {
            return "<a href=\"" + context + "/auth/login\">Log in</a>";
        }
        return "<form method=\"post\" action=\"" + context + "/auth/logout\">" + escape(displayName(user))
                + " <button type=\"submit\">Log out</button></form>";
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
