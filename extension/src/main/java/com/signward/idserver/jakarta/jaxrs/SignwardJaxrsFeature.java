package com.signward.idserver.jakarta.jaxrs;

import com.signward.idserver.jakarta.RequiresRoles;
import com.signward.idserver.jakarta.internal.AccessRules;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Enforces {@code @RolesAllowed}, {@code @DenyAll} and {@link RequiresRoles} on JAX-RS resource methods the same way
 * on every runtime (a method's annotations replace its class's): a rejected token → 401 {@code invalid_token},
 * nobody authenticated → 401 {@code Bearer realm} (or a redirect to login for a browser), a missing role → 403.
 * Discovered by the JAX-RS runtime's scan; an application whose {@code Application.getClasses()} lists its classes
 * explicitly adds this class there too.
 */
@Provider
public class SignwardJaxrsFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        AccessRules.register(resource.getResourceMethod(), resource.getResourceClass(), context);
    }
}
