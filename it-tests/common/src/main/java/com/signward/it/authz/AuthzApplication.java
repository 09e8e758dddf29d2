package com.signward.it.authz;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The authorization test application: JAX-RS under {@code /api}, resources and the Signward feature found by scanning. */
@ApplicationPath("/api")
public class AuthzApplication extends Application {
}
