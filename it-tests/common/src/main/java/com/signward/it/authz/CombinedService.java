package com.signward.it.authz;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

/** A plain CDI bean: class {@code @RequiresRoles("auditor")}, method {@code @RolesAllowed("user")}: both required. */
@ApplicationScoped
@RequiresRoles("auditor")
public class CombinedService {

    @RolesAllowed("user")
    public String both() {
        return "combined-bean";
    }
}
