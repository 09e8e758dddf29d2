package com.signward.idserver.testkit.internal;


import java.util.List;
import java.util.Map;

/** The fake's small HTML pages: the login form (one button per user) and error pages. No external resources. */
final class LoginPage {

    /** Marks the login form, so that the browser helper recognises it. */
    static final String FORM_ID = "fake-signward-login";

    private LoginPage() {
    }

    static String form(String action, Map<String, String> hidden, List<Identity> users, String userField) {
        StringBuilder html = new StringBuilder(page("Sign in"))
                .append("<h1>Sign in to Fake Signward</h1>\n<form id=\"").append(FORM_ID)
                .append("\" method=\"post\" action=\"").append(escape(action)).append("\">\n");
        hidden.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">\n"));
        if (users.isEmpty()) {
            html.append("<p>No users registered.</p>\n");
        }
        for (Identity user : users) {
            String label = user.label();
            html.append("<p><button type=\"submit\" name=\"").append(userField).append("\" value=\"")
                    .append(escape(user.id())).append("\">Sign in as ").append(escape(label)).append("</button> ")
                    .append(escape(String.valueOf(user.claims().getOrDefault("roles", "")))).append("</p>\n");
        }
        return html.append("</form>\n</body></html>\n").toString();
    }

    static String error(String message) {
        return page("Error") + "<h1>Error</h1>\n<p>" + escape(message) + "</p>\n</body></html>\n";
    }

    static String message(String title, String message) {
        return page(title) + "<h1>" + escape(title) + "</h1>\n<p>" + escape(message) + "</p>\n</body></html>\n";
    }

    private static String page(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:sans-serif;margin:2em}button{font-size:1em;margin:.2em}</style>"
                + "</head><body>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
