package com.signward.it.ops;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The operations test application (webhooks, health, self-check): JAX-RS under {@code /api}. */
@ApplicationPath("/api")
public class OpsApplication extends Application {
}
