package com.signward.examples.gateway;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.jakarta.Authenticated;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /profile}: a signed-in caller's profile as the bearer API sees it. The gateway checks the caller's
 * token itself ({@code @Authenticated}), then calls the bearer API's {@code /me} with the same token, sent by
 * {@code SignwardTokenPropagation}.
 */
@Path("profile")
public class ProfileResource {

    @Inject
    SignwardUser user;

    @Inject
    BearerApi bearerApi;

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Response profile() {
        BearerApi.Answer me = bearerApi.me();
        if (me.status() != 200) {
            return Response.status(502).entity(Json.createObjectBuilder()
                    .add("error", "the bearer API answered " + me.status()).build()).build();
        }
        return Response.ok(Json.createObjectBuilder()
                .add("gateway_caller", String.valueOf(user.userId()))
                .add("bearer_api_me", me.body())
                .build()).build();
    }
}
