package com.signward.it.authz.web;

import com.signward.idserver.SignwardUser;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The tiny page of each guarded servlet: its servlet path and who is signed in (the user id, a UUID: nothing to
 * escape). The subclasses only add their class annotation.
 */
public abstract class GuardedServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient SignwardUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html><body><p id=\"page\">" + request.getServletPath()
                + "</p><p id=\"user\">" + user.userId() + "</p></body></html>");
    }
}
