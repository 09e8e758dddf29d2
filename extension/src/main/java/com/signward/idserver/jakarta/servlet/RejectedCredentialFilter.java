package com.signward.idserver.jakarta.servlet;

import com.signward.idserver.jakarta.AuthOutcome;
import com.signward.idserver.jakarta.Challenge;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Answers 401 {@code error="invalid_token"} (or 503) when the mechanism rejected the presented token, on URLs
 * without a security constraint too. Some runtimes (Open Liberty) let such requests through anonymously;
 * with this filter a bad credential gets the same answer everywhere.
 */
public class RejectedCredentialFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        AuthOutcome outcome = AuthOutcome.from(request.getAttribute(AuthOutcome.ATTRIBUTE));
        if (outcome != null && outcome.rejected()) {
            Challenge.writeRejection(response, outcome);
            return;
        }
        chain.doFilter(request, response);
    }
}
