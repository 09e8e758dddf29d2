package com.signward.examples.webapp;

import com.signward.idserver.SignwardUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The home page, public: a login link, or a greeting and a logout button. */
@WebServlet("")
public class HomeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The signed-in user, or the anonymous user ({@code isAuthenticated()} false); never null. */
    @Inject
    SignwardUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String context = request.getContextPath();
        String body = user.isAuthenticated()
                ? "<p>Hello " + Page.escape(Page.displayName(user)) + "!</p>"
                + "<p>See your <a href=\"" + context + "/profile\">profile</a> or the <a href=\"" + context
                + "/admin\">admin area</a> (admins only).</p>"
                : "<p>You are not signed in. <a href=\"" + context + "/auth/login\">Log in</a> with Signward, "
                + "or open the <a href=\"" + context + "/profile\">profile</a>: it sends you to log in first.</p>";
        Page.write(request, response, user, "Home", body);
    }
}
