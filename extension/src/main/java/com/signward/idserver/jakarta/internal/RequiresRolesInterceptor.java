package com.signward.idserver.jakarta.internal;

import com.signward.idserver.jakarta.RequiresRoles;
import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

/** Enforces {@link RequiresRoles} (with every other rule of the method, see {@link AccessCheck}) on CDI beans. */
@RequiresRoles({})
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class RequiresRolesInterceptor extends AccessInterceptor {
}
