package com.signward.it.authz;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The role rule through each annotation: ASCII letters fold, nothing else does. */
@Path("/roles")
public class UnicodeResource {

    @GET
    @Path("rolesallowed")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject rolesAllowed() {
        return Json.resource("rolesallowed");
    }

    @GET
    @Path("requiresroles")
    @RequiresRoles("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject requiresRoles() {
        return Json.resource("requiresroles");
    }

    /** A mixed-case name in the annotation. */
    @GET
    @Path("mixed-case")
    @RolesAllowed("Editor")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject mixedCase() {
        return Json.resource("mixed-case");
    }

    @GET
    @Path("key-holder")
    @RolesAllowed("key-holder")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject keyHolder() {
        return Json.resource("key-holder");
    }
}
