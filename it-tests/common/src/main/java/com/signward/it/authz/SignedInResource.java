package com.signward.it.authz;

import com.signward.idserver.jakarta.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Any signed-in caller, whatever its roles; one method also needs {@code admin}. */
@Path("/signed-in")
@Authenticated
public class SignedInResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject any() {
        return Json.resource("signed-in");
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject admin() {
        return Json.resource("signed-in-admin");
    }
}
