package com.signward.it.authz.listed;

import com.signward.idserver.jakarta.jaxrs.SignwardJaxrsFeature;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** Lists its classes, the Signward feature among them, as the deployment failure of the other one says. */
@ApplicationPath("/api")
public class ListedApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ListedResource.class, SignwardJaxrsFeature.class);
    }
}
