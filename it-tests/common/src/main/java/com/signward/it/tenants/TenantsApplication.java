package com.signward.it.tenants;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The multi-tenant test application: one WAR trusting two Signward authorities. */
@ApplicationPath("api")
public class TenantsApplication extends Application {
}
