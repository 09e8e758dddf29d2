package com.signward.it.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Any of a built-in role ({@code admin}) and a custom role ({@code reports-viewer}), on the method. */
@Path("/reports")
public class ReportsResource {

    @GET
    @RolesAllowed({"admin", "reports-viewer"})
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        return Json.createObjectBuilder().add("resource", "reports").build();
    }
}
