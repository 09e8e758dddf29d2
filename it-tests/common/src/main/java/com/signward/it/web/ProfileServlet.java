package com.signward.it.web;

import com.signward.idserver.SignwardUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code /profile}: any signed-in user (web.xml constraint with role {@code **}); shows the query it got. */
@WebServlet("/profile")
public class ProfileServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient SignwardUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getQueryString();
        Html.page(request, response, "Profile", user, "<p id=\"page\">profile</p><p id=\"email\">"
                + Html.escape(user.email()) + "</p><p id=\"roles\">" + Html.escape(String.join(",", user.roles()))
                + "</p><p id=\"query\">" + Html.escape(query == null ? "" : query) + "</p>");
    }
}
