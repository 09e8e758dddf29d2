package com.signward.it.propagation;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Calls {@code target} (a loopback echo server the test runs) through the client with the filter. With
 * {@code own}, the application sets its own {@code Authorization: Bearer <own>} first. Open to anonymous callers.
 */
@Path("call")
public class CallResource {

    @Inject
    Downstream downstream;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response call(@QueryParam("target") String target, @QueryParam("own") String own) {
        Invocation.Builder request = downstream.client().target(target).request();
        if (own != null) {
            request.header("Authorization", "Bearer " + own);
        }
        try (Response answer = request.get()) {
            return Response.ok(Json.createObjectBuilder().add("downstream", answer.getStatus()).build()).build();
        } catch (ProcessingException e) {
            return Response.status(502).entity(Json.createObjectBuilder()
                    .add("error", e.getClass().getSimpleName()).build()).build();
        }
    }
}
