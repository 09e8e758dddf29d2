package com.signward.it.tenants;

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

/** Who called, and which tenant configuration authenticated the caller. */
@Path("caller")
@RequestScoped
@RolesAllowed("user")
public class CallerResource {

    @Inject
    SignwardUser user;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        return Json.createObjectBuilder()
                .add("sub", String.valueOf(user.claims().get("sub")))
                .add("tenantName", user.tenantName())
                .add("tenantId", String.valueOf(user.tenantId()))
                .build();
    }
}
