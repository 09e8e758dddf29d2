package com.signward.it.app;

import com.signward.idserver.SignwardUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
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

import java.security.Principal;
import java.util.Collection;
import java.util.Optional;

/** What the application sees of the caller: the injected {@link SignwardUser} and both principals. */
@Path("/me")
@RequestScoped
@RolesAllowed({"user", "admin"})
public class MeResource {

    @Inject
    SignwardUser user;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest servletRequest;

    /** {@code pause}: milliseconds to wait before reading the user (lets concurrent requests overlap). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get(@QueryParam("pause") int pause) throws InterruptedException {
        if (pause > 0) {
            Thread.sleep(Math.min(pause, 500));
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        put(json, "authenticated", user.isAuthenticated());
        put(json, "userId", user.userId());
        put(json, "email", user.email());
        put(json, "emailVerified", user.emailVerified());
        put(json, "name", user.name());
        put(json, "givenName", user.givenName());
        put(json, "familyName", user.familyName());
        put(json, "tenantId", user.tenantId());
        put(json, "roles", user.roles());
        put(json, "customRoles", user.customRoles());
        put(json, "department", user.claims().get("department"));
        put(json, "principal", name(security.getUserPrincipal()));
        put(json, "servletPrincipal", name(servletRequest.getUserPrincipal()));
        return json.build();
    }

    private static String name(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    /** Adds any accessor's value: null, Optional, boolean, collection of strings, or its string form. */
    private static void put(JsonObjectBuilder json, String key, Object value) {
        Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
        if (v == null) {
            json.addNull(key);
        } else if (v instanceof Boolean b) {
            json.add(key, b);
        } else if (v instanceof Collection<?> c) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            c.forEach(item -> array.add(String.valueOf(item)));
            json.add(key, array);
        } else if (v instanceof jakarta.json.JsonString s) {
            json.add(key, s.getString());
        } else {
            json.add(key, String.valueOf(v));
        }
    }
}
