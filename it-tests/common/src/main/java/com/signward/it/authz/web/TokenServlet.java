package com.signward.it.authz.web;

import com.signward.idserver.jakarta.Authenticated;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;

/** {@code /token}: the name of the injected {@code JsonWebToken} ({@code null} for a session caller). */
@WebServlet("/token")
@Authenticated
public class TokenServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient JsonWebToken jwt;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        // smallrye-jwt's empty token answers null for its claim names
        int claims = jwt.getClaimNames() == null ? 0 : jwt.getClaimNames().size();
        response.getWriter().write("name=" + jwt.getName() + ";claims=" + claims);
    }
}
