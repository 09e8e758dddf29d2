package com.signward.it.authz.listing;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** Lists its classes and forgets {@code SignwardJaxrsFeature}: this application must not start. */
@ApplicationPath("/api")
public class ListingApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ListedAdminResource.class);
    }
}
