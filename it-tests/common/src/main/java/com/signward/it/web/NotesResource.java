package com.signward.it.web;

import com.signward.idserver.SignwardUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/notes}: state-changing calls (roles {@code user} or {@code admin}) answering who made them. */
@Path("/notes")
@RequestScoped
@RolesAllowed({"user", "admin"})
public class NotesResource {

    @Inject
    SignwardUser user;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject create() {
        return done("created");
    }

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject update() {
        return done("updated");
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject delete() {
        return done("deleted");
    }

    private JsonObject done(String what) {
        return Json.createObjectBuilder().add("result", what).add("userId", String.valueOf(user.userId())).build();
    }
}
