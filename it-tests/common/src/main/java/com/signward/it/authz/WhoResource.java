package com.signward.it.authz;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.jakarta.Authenticated;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Collection;
import java.util.List;

/** The caller's raw roles, mapped groups, and what the container answers for {@code ?role=…}. */
@Path("/who")
@RequestScoped
@Authenticated
public class WhoResource {

    @Inject
    SignwardUser user;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest servletRequest;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get(@QueryParam("role") List<String> roles) {
        JsonObjectBuilder json = jakarta.json.Json.createObjectBuilder()
                .add("roles", array(user.roles()))
                .add("customRoles", array(user.customRoles()))
                .add("groups", array(user.groups()));
        JsonObjectBuilder inRole = jakarta.json.Json.createObjectBuilder();
        for (String role : roles) {
            inRole.add(role, security.isUserInRole(role) && servletRequest.isUserInRole(role));
        }
        return json.add("inRole", inRole).build();
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder array = jakarta.json.Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
