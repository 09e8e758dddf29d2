package com.signward.it.authz;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A superclass whose class-level {@code @RolesAllowed} its resource subclasses inherit. */
@RolesAllowed("admin")
public abstract class AdminOnlyBase {

    /** Declared here, served by the subclass. */
    @GET
    @Path("base")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject base() {
        return Json.resource("base");
    }
}
