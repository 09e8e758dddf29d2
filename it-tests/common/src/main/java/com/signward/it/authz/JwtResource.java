package com.signward.it.authz;

import com.signward.idserver.jakarta.Authenticated;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What {@code @Inject JsonWebToken} gives a resource. */
@Path("/jwt")
@RequestScoped
@Authenticated
public class JwtResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        JsonArrayBuilder groups = jakarta.json.Json.createArrayBuilder();
        jwt.getGroups().forEach(groups::add);
        JsonObjectBuilder json = jakarta.json.Json.createObjectBuilder().add("groups", groups);
        add(json, "name", jwt.getName());
        add(json, "subject", jwt.getSubject());
        add(json, "issuer", jwt.getIssuer());
        add(json, "rawToken", jwt.getRawToken());
        add(json, "tenant", jwt.<Object>getClaim("tenant_id"));
        json.add("expires", jwt.getExpirationTime());
        return json.build();
    }

    private static void add(JsonObjectBuilder json, String key, Object value) {
        if (value == null) {
            json.addNull(key);
        } else {
            json.add(key, value instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(value));
        }
    }
}
