package com.signward.it.authz.listed;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code admin} through {@link ListedBase}; one method needs {@code billing} as well. */
@Path("/listed")
public class ListedResource extends ListedBase {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
        return "{\"resource\":\"listed\"}";
    }

    @GET
    @Path("all-of")
    @RequiresRoles(value = {"admin", "billing"}, all = true)
    @Produces(MediaType.APPLICATION_JSON)
    public String allOf() {
        return "{\"resource\":\"listed-all-of\"}";
    }
}
