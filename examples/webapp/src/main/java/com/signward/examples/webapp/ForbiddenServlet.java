package com.signward.examples.webapp;

import com.signward.idserver.SignwardUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The 403 page (web.xml {@code <error-page>}): signed in, but without the role the page requires. */
@WebServlet("/forbidden")
public class ForbiddenServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    SignwardUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        String who = user.isAuthenticated()
                ? "You are signed in as " + Page.escape(Page.displayName(user)) + " (roles: " + Page.list(user.roles())
                + "; custom roles: " + Page.list(user.customRoles()) + ")."
                : "You are not signed in.";
        Page.write(request, response, user, "Forbidden",
                "<div class=\"card forbidden\"><p>" + who + " This page needs a role you do not have.</p></div>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
