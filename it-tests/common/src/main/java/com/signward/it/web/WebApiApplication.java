package com.signward.it.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS part of the browser-login application: {@code /api}, for browsers (session) and bearer clients. */
@ApplicationPath("/api")
public class WebApiApplication extends Application {
}
