package com.signward.it.authz;

import jakarta.annotation.security.PermitAll;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** No annotation of its own: {@code admin} through {@link AdminOnlyBase}; one method opened with {@code @PermitAll}. */
@Path("/inherited")
public class InheritedResource extends AdminOnlyBase {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject own() {
        return Json.resource("inherited");
    }

    @GET
    @Path("open")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject open() {
        return Json.resource("open");
    }
}
