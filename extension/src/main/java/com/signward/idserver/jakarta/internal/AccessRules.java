package com.signward.idserver.jakarta.internal;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.FeatureContext;

import java.lang.reflect.Method;

/** Reads a resource method's {@link AccessPolicy} and installs {@link AccessFilter} where a caller is required. */
public final class AccessRules {

    private AccessRules() {
    }

    /** Registers the filter for {@code method} of {@code type} when its rules require a caller. */
    public static void register(Method method, Class<?> type, FeatureContext context) {
        AccessPolicy policy = AccessPolicy.of(method, type);
        if (policy.requiresCaller()) {
            context.register(new AccessFilter(policy, method), Priorities.AUTHENTICATION);
        }
    }
}
