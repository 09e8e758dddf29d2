package com.signward.it.app;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** All of {@code admin} (built-in) and {@code billing} (custom roles count). */
@Path("/finance")
public class FinanceResource {

    @GET
    @RequiresRoles(value = {"admin", "billing"}, all = true)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        return Json.createObjectBuilder().add("resource", "finance").build();
    }
}
