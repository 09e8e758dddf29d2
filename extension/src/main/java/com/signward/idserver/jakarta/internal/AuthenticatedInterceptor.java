package com.signward.idserver.jakarta.internal;

import com.signward.idserver.jakarta.Authenticated;
import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

/** Enforces {@link Authenticated} (with every other rule of the method, see {@link AccessCheck}) on CDI beans. */
@Authenticated
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class AuthenticatedInterceptor extends AccessInterceptor {
}
