package com.signward.it.introspection;

import com.signward.idserver.SignwardUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The caller as the application sees it, for users with role {@code user} or {@code admin}. */
@Path("/caller")
@RequestScoped
@RolesAllowed({"user", "admin"})
public class CallerResource {

    @Inject
    SignwardUser user;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        user.roles().forEach(roles::add);
        return Json.createObjectBuilder()
                .add("userId", String.valueOf(user.userId()))
                .add("email", String.valueOf(user.email()))
                .add("tenantId", String.valueOf(user.tenantId()))
                .add("roles", roles)
                .add("principal", security.getUserPrincipal().getName())
                .add("admin", security.isUserInRole("admin"))
                .build();
    }
}
