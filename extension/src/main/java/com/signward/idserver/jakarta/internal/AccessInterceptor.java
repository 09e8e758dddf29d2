package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardUser;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the three CDI interceptors share (one per interceptor binding: a CDI interceptor with several bindings would
 * only apply to beans carrying all of them): each runs the {@link AccessCheck} of the invoked method.
 */
public abstract class AccessInterceptor {

    @Inject
    SignwardUser user;

    @Inject
    Instance<HttpServletRequest> request;

    @Inject
    SignwardExtension extension;

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        return AccessCheck.enforce(invocation, user, request::get, extension.deployment().realm());
    }
}
