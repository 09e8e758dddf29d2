package com.signward.it.authz;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A sub-resource locator: the sub-resource's class annotations govern its methods. */
@Path("/locator")
public class LocatorResource {

    @Path("admin")
    public AdminSub admin() {
        return new AdminSub();
    }

    /** {@code admin} for every method. */
    @RolesAllowed("admin")
    public static class AdminSub {

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public JsonObject get() {
            return Json.resource("sub");
        }
    }
}
