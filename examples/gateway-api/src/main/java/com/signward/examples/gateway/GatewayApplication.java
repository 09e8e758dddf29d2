package com.signward.examples.gateway;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application: every resource of this WAR, at the root of its context path. */
@ApplicationPath("/")
public class GatewayApplication extends Application {
}
