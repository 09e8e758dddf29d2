package com.signward.it.authz.web;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.servlet.annotation.WebServlet;

/** {@code /finance}: both {@code admin} and {@code billing} (class annotation, no web.xml). */
@WebServlet("/finance")
@RequiresRoles(value = {"admin", "billing"}, all = true)
public class FinanceServlet extends GuardedServlet {
    private static final long serialVersionUID = 1L;
}
