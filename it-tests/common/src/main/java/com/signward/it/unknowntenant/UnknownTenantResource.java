package com.signward.it.unknowntenant;

import com.signward.idserver.SignwardClient;
import com.signward.idserver.jakarta.SignwardTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

/** Injects the client of a tenant that is not configured: the deployment must fail. */
@Path("unknown")
@RequestScoped
public class UnknownTenantResource {

    @Inject
    @SignwardTenant("partners")
    SignwardClient partners;

    @GET
    public String get() {
        return partners.options().authority();
    }

    /** The JAX-RS application of this WAR. */
    @ApplicationPath("api")
    public static class App extends Application {
    }
}
