package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.jakarta.RequiresRoles;

/**
 * Evaluates {@link RequiresRoles} for a user with {@link SignwardUser#hasAnyRole(boolean, String...)} /
 * {@link SignwardUser#hasAllRoles(boolean, String...)} — the one role rule of the SDK.
 */
public final class RoleRequirement {

    /** The decision: let through, 401, or 403. */
    public enum Decision { GRANTED, UNAUTHENTICATED, FORBIDDEN }

    private RoleRequirement() {
    }

    /** Decides for {@code user} (anonymous or {@code null} gives {@link Decision#UNAUTHENTICATED}). */
    public static Decision evaluate(RequiresRoles rule, SignwardUser user) {
        if (user == null || !user.isAuthenticated()) {
            return Decision.UNAUTHENTICATED;
        }
        boolean granted = rule.all()
                ? user.hasAllRoles(rule.includeCustom(), rule.value())
                : user.hasAnyRole(rule.includeCustom(), rule.value());
        return granted ? Decision.GRANTED : Decision.FORBIDDEN;
    }
}
