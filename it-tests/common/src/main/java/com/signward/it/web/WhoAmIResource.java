package com.signward.it.web;

import com.signward.idserver.SignwardUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/whoami}: roles {@code user} or {@code admin}; the caller, whether from the session or a bearer token. */
@Path("/whoami")
@RequestScoped
@RolesAllowed({"user", "admin"})
public class WhoAmIResource {

    @Inject
    SignwardUser user;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        return Json.createObjectBuilder()
                .add("userId", String.valueOf(user.userId()))
                .add("name", String.valueOf(user.name()))
                .add("roles", Json.createArrayBuilder(user.roles()))
                .build();
    }
}
