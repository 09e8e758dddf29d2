package com.signward.idserver.jakarta.internal;

import com.signward.idserver.jakarta.RequiresTenant;
import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

/** Enforces {@link RequiresTenant} (with every other rule of the method, see {@link AccessCheck}) on CDI beans. */
@RequiresTenant
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class RequiresTenantInterceptor extends AccessInterceptor {
}
