package com.signward.it.authz;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Open itself; the CDI beans it calls enforce their own rules. */
@Path("/beans")
@RequestScoped
public class BeansResource {

    @Inject
    CombinedService combined;

    @Inject
    SignedInService signedIn;

    @GET
    @Path("combined")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject combined() {
        return Json.resource(combined.both());
    }

    @GET
    @Path("signed-in")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject signedIn() {
        return Json.resource(signedIn.greet());
    }
}
