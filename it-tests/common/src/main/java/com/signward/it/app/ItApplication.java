package com.signward.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test application: plain JAX-RS under {@code /api}, resources found by scanning. */
@ApplicationPath("/api")
public class ItApplication extends Application {
}
