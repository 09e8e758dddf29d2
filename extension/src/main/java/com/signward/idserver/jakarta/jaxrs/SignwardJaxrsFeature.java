package com.signward.idserver.jakarta.jaxrs;

import com.signward.idserver.jakarta.RequiresRoles;
import com.signward.idserver.jakarta.internal.AccessRules;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Enforces {@code @RolesAllowed}, {@code @DenyAll}, {@link RequiresRoles}, {@code @Authenticated} and
 * {@code @RequiresTenant} on JAX-RS resource methods the same way on every runtime (method over class, class
 * annotations inherited by subclasses): a rejected token → 401 {@code invalid_token}, nobody authenticated → 401
 * {@code Bearer realm} (or a redirect to login for a browser), a missing role → 403, another tenant → 403
 * {@code insufficient_tenant}. Discovered by the JAX-RS runtime's scan; an application whose
 * {@code Application.getClasses()} lists its classes explicitly must add this class there too (otherwise it does not
 * deploy).
 */
@Provider
public class SignwardJaxrsFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        AccessRules.register(resource.getResourceMethod(), resource.getResourceClass(), context);
    }
}
