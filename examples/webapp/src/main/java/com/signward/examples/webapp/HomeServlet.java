package com.signward.examples.webapp;

import com.signward.idserver.SignwardUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The home page, public: a login link, or a greeting and a logout button. Signward sends the browser back here after
 * logout with the {@code state} of the logout request in the query; the page redirects once to its plain URL so that
 * the address bar stays clean.
 */
@WebServlet("")
public class HomeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The signed-in user, or the anonymous user ({@code isAuthenticated()} false); never null. */
    @Inject
    SignwardUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String context = request.getContextPath();
        if (request.getQueryString() != null) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", context + "/");
            return;
        }
        String body = user.isAuthenticated()
                ? "<div class=\"card\"><p>Hello " + Page.escape(Page.displayName(user)) + "!</p>"
                + "<p>See your <a href=\"" + context + "/profile\">profile</a>: your claims, roles and when your "
                + "sign-in expires, or the <a href=\"" + context + "/admin\">admin area</a> (admins only).</p></div>"
                : "<div class=\"card\"><p>You are not signed in.</p>"
                + "<p><a class=\"button\" href=\"" + context + "/auth/login\">Log in</a> with Signward, "
                + "or open the <a href=\"" + context + "/profile\">profile</a>: it sends you to log in first.</p></div>";
        Page.write(request, response, user, "Home", body);
    }
}
