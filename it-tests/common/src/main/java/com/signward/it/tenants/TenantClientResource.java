package com.signward.it.tenants;

import com.signward.idserver.SignwardClient;
import com.signward.idserver.jakarta.SignwardTenant;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The clients the application can inject: the default one and tenant b's. */
@Path("clients")
@RequestScoped
@PermitAll
public class TenantClientResource {

    @Inject
    SignwardClient defaultClient;

    @Inject
    @SignwardTenant("b")
    SignwardClient tenantB;

    @Inject
    @Any
    Instance<SignwardClient> clients;

    /** {@code token}: validated by tenant b's client itself (the application's own use of it). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get(@QueryParam("token") String token) {
        var json = Json.createObjectBuilder()
                .add("default", defaultClient.options().authority())
                .add("b", tenantB.options().authority())
                .add("bTenantName", tenantB.options().tenantName())
                .add("bAudience", tenantB.options().audience())
                .add("lookedUp", clients.select(SignwardTenant.Literal.of("b")).get().options().authority());
        if (token != null) {
            json.add("validatedBy", tenantB.validateToken(token).tenantName());
        }
        return json.build();
    }
}
