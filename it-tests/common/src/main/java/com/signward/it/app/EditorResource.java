package com.signward.it.app;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code editor} as a built-in role only: a custom role of that name does not count. */
@Path("/editor")
public class EditorResource {

    @GET
    @RequiresRoles(value = "editor", includeCustom = false)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        return Json.createObjectBuilder().add("resource", "editor").build();
    }
}
