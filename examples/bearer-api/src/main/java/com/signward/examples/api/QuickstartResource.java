package com.signward.examples.api;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.jakarta.Authenticated;
import com.signward.idserver.jakarta.RequiresRoles;
import com.signward.idserver.jakarta.RequiresTenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Objects;

/**
 * The API quickstart: five endpoints, each protected by a rule. Clients send
 * {@code Authorization: Bearer <access token>}; without a token they get 401, with a token that lacks the role (or
 * is of another tenant) 403.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class QuickstartResource {

    /** The caller of the current request (request-scoped; never null). */
    @Inject
    SignwardUser user;

    /** Any signed-in user, whatever its roles. */
    @GET
    @Path("me")
    @Authenticated
    public Me me() {
        return new Me(Objects.toString(user.userId(), null), user.email(), user.name(),
                Objects.toString(user.tenantId(), null), user.roles(), user.customRoles());
    }

    /** Only admins. */
    @GET
    @Path("admin")
    @RolesAllowed("admin")
    public Ok admin() {
        return Ok.OK;
    }

    /** Any one of the roles; a custom role (defined per tenant in the Signward Portal) counts too. */
    @GET
    @Path("editors-or-admins")
    @RolesAllowed({"admin", "editor"})
    public Ok editorsOrAdmins() {
        return Ok.OK;
    }

    /** All of the roles: admin and billing. */
    @GET
    @Path("billing-admin-only")
    @RequiresRoles(value = {"admin", "billing"}, all = true)
    public Ok billingAdminOnly() {
        return Ok.OK;
    }

    /** Only callers of the tenant named in the URL (403 {@code insufficient_tenant} for the others). */
    @GET
    @Path("tenants/{tenantId}/settings")
    @RequiresTenant(pathParam = "tenantId")
    public Ok tenantSettings(@PathParam("tenantId") String tenantId) {
        return Ok.OK;
    }

    /** The body of {@code /me} (JSON-B writes it; absent values are left out). */
    public record Me(String id, String email, String name, @JsonbProperty("tenant_id") String tenantId,
                     List<String> roles, @JsonbProperty("custom_roles") List<String> customRoles) {
    }

    /** {@code {"ok": true}}. */
    public record Ok(boolean ok) {
        static final Ok OK = new Ok(true);
    }
}
