package com.signward.it.authz.listing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code admin} only. */
@Path("/admin")
@RolesAllowed("admin")
public class ListedAdminResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
        return "{\"resource\":\"admin\"}";
    }
}
