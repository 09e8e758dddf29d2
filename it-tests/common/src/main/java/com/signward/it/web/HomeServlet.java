package com.signward.it.web;

import com.signward.idserver.SignwardUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The home page (the application's root, no constraint): the default page after login and logout. */
@WebServlet("")
public class HomeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient SignwardUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Html.page(request, response, "Home", user, "<p id=\"page\">home</p>");
    }
}
