package com.signward.it.authz;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Class {@code @RequiresRoles("auditor")}, method {@code @RolesAllowed("user")}: both are required. */
@Path("/combined")
@RequiresRoles("auditor")
public class CombinedResource {

    @GET
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject both() {
        return Json.resource("combined");
    }
}
