package com.signward.it.app;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code @RequiresRoles} on the class. */
@Path("/owner")
@RequiresRoles("owner")
public class OwnerResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        return Json.createObjectBuilder().add("resource", "owner").build();
    }
}
