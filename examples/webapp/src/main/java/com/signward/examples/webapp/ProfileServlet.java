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
 * The profile: login required. {@code "**"} means any authenticated user (Servlet specification); a browser that
 * is not signed in is sent to Signward and comes back here.
 */
@WebServlet("/profile")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class ProfileServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    SignwardUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = "<table>"
                + row("User id", user.userId())
                + row("Email", user.email())
                + row("Name", user.name())
                + row("Tenant", user.tenantId())
                + "<tr><td>Roles</td><td>" + Page.list(user.roles()) + "</td></tr>"
                + "<tr><td>Custom roles</td><td>" + Page.list(user.customRoles()) + "</td></tr>"
                + row("Principal", request.getUserPrincipal().getName())
                + "</table>";
        Page.write(request, response, user, "Profile", body);
    }

    private static String row(String label, Object value) {
        return "<tr><td>" + label + "</td><td>" + (value == null ? "–" : Page.escape(value)) + "</td></tr>";
    }
}
