package com.signward.it.introspection;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The introspection and resource-metadata test application: JAX-RS under {@code /api}. */
@ApplicationPath("/api")
public class IntrospectionApplication extends Application {
}
