package com.signward.idserver.jakarta;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires the caller's {@code tenant_id} to be a given tenant: a fixed id, or the value of a JAX-RS path parameter.
 * A {@code tenant_id} (or path parameter) that is not a UUID never matches. Nobody signed in: 401; another tenant:
 * 403 with {@code {"error":"insufficient_tenant"}}.
 *
 * <pre>
 * &#64;RequiresTenant("6f1c2a1e-8d3b-4c55-9e0a-2b7d1f4e9c10")          // one fixed tenant
 * &#64;GET &#64;Path("tenants/{tenantId}/invoices")
 * &#64;RequiresTenant(pathParam = "tenantId")                        // the tenant in the URL
 * </pre>
 * Exactly one of {@link #value()} and {@link #pathParam()} must be set. {@code pathParam} works on JAX-RS resource
 * methods; on a CDI bean that is not the resource itself it denies every call (there is no path).
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresTenant {

    /** The tenant id (a UUID). */
    @Nonbinding
    String value() default "";

    /** The name of the JAX-RS path parameter holding the tenant id. */
    @Nonbinding
    String pathParam() default "";
}
