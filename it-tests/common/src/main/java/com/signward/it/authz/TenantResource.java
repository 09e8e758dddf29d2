package com.signward.it.authz;

import com.signward.idserver.jakarta.RequiresTenant;
import com.signward.it.support.AuthzWars;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code @RequiresTenant} with a path parameter and with a fixed tenant. */
@Path("/tenants")
public class TenantResource {

    @GET
    @Path("{tenantId}/invoices")
    @RequiresTenant(pathParam = "tenantId")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject invoices(@PathParam("tenantId") String tenantId) {
        return Json.resource("invoices-" + tenantId);
    }

    @GET
    @Path("fixed")
    @RequiresTenant(AuthzWars.ALLOWED_TENANT)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject fixed() {
        return Json.resource("fixed");
    }
}
