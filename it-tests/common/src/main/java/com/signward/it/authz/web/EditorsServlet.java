package com.signward.it.authz.web;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.servlet.annotation.WebServlet;

/** {@code /editors}: the built-in role {@code editor} (class annotation, no web.xml). */
@WebServlet("/editors")
@RequiresRoles(value = "editor", includeCustom = false)
public class EditorsServlet extends GuardedServlet {
    private static final long serialVersionUID = 1L;
}
