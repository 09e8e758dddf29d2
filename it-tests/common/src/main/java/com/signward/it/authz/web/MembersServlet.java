package com.signward.it.authz.web;

import com.signward.idserver.jakarta.Authenticated;
import jakarta.servlet.annotation.WebServlet;

/** {@code /members}: any signed-in user (class annotation, no web.xml). */
@WebServlet("/members")
@Authenticated
public class MembersServlet extends GuardedServlet {
    private static final long serialVersionUID = 1L;
}
