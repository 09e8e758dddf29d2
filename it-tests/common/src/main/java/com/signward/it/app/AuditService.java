package com.signward.it.app;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** A CDI bean guarded by {@code @RequiresRoles} (the interceptor, not JAX-RS). */
@ApplicationScoped
public class AuditService {

    /** Only for callers holding {@code auditor} (built-in or custom). */
    @RequiresRoles("auditor")
    public String report() {
        return "audit-report";
    }
}
