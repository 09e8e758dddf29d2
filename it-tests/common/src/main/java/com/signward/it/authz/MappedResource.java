package com.signward.it.authz;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** For the role-mapping WAR ({@code ROLE_} prefix, {@code owner → admin,owner}). */
@Path("/mapped")
@DeclareRoles("ROLE_owner") // asked by RoleMappingIT through isUserInRole (Payara answers only declared roles)
public class MappedResource {

    @GET
    @Path("rolesallowed")
    @RolesAllowed("ROLE_admin")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject rolesAllowed() {
        return Json.resource("mapped-rolesallowed");
    }

    @GET
    @Path("requiresroles")
    @RequiresRoles(value = {"admin", "owner"}, all = true)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject requiresRoles() {
        return Json.resource("mapped-requiresroles");
    }
}
