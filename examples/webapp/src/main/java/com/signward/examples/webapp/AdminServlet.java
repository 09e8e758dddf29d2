package com.signward.examples.webapp;

import com.signward.idserver.SignwardUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The admin area: role {@code admin} required. Not signed in: login first; signed in without the role: 403 (the
 * page configured in web.xml).
 */
@WebServlet("/admin")
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class AdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    SignwardUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Page.write(request, response, user, "Admin area",
                "<div class=\"card\"><p>Welcome, " + Page.escape(Page.displayName(user))
                        + ": you hold the admin role.</p></div>");
    }
}
