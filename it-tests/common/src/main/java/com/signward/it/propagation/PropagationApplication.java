package com.signward.it.propagation;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** {@code /api}. */
@ApplicationPath("/api")
public class PropagationApplication extends Application {
}
