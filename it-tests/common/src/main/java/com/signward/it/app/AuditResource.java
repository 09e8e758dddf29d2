package com.signward.it.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Open to every {@code user}; the bean it calls requires {@code auditor}. */
@Path("/audit")
@RequestScoped
@RolesAllowed("user")
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        return Json.createObjectBuilder().add("resource", audit.report()).build();
    }
}
