package com.signward.it.authz;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code @DenyAll} through {@link DeniedBase}; one method for {@code user}. */
@Path("/denied")
public class DeniedResource extends DeniedBase {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject all() {
        return Json.resource("denied");
    }

    @GET
    @Path("users")
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject users() {
        return Json.resource("users");
    }
}
