package com.signward.it.web;

import com.signward.idserver.SignwardUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code /admin}: role {@code admin} only (web.xml constraint). */
@WebServlet("/admin")
public class AdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient SignwardUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Html.page(request, response, "Administration", user, "<p id=\"page\">admin</p>");
    }
}
