package com.signward.it.introspection;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A resource without any constraint. */
@Path("/open")
public class OpenResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        return Json.createObjectBuilder().add("resource", "open").build();
    }
}
