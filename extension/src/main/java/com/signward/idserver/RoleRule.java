package com.signward.idserver;

import java.util.List;

/**
 * The one role rule of the SDK: role names compare case-insensitively; custom roles count when
 * included; "any of" needs one match, "all of" needs every one. A {@code null} name never matches.
 * With no names, "any of" is false and "all of" is true.
 */
final class RoleRule {

    private RoleRule() {
    }

    static boolean matches(List<String> roles, List<String> customRoles, boolean includeCustom,
                           boolean requireAll, String... required) {
        if (required == null || required.length == 0) {
            return requireAll;
        }
        for (String name : required) {
            boolean held = name != null && (contains(roles, name) || includeCustom && contains(customRoles, name));
            if (held != requireAll) {
                // any-of: the first held role decides (true); all-of: the first missing role decides (false)
                return held;
            }
        }
        return requireAll;
    }

    private static boolean contains(List<String> held, String name) {
        for (String role : held) {
            if (role.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
