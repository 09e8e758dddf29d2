package com.signward.idserver;

import java.util.Collection;

/**
 * The one role rule of the SDK, used by {@link SignwardUser}'s checks, {@code @RequiresRoles}, the groups handed to
 * the container for {@code @RolesAllowed} and servlet constraints, and the role mapping: role names compare
 * case-insensitively over the ASCII letters {@code A-Z} only; every other character must be equal. No Unicode case
 * folding, so {@code Admin} = {@code admin}, but {@code admın} (dotless ı), {@code ADMİN} (dotted İ), {@code ſ} (long
 * s) and the Kelvin sign never match ASCII names. A {@code null} name never matches.
 */
public final class RoleRule {

    private RoleRule() {
    }

    /**
     * @param role a role name
     * @return the name with {@code A-Z} turned into {@code a-z} and every other character unchanged (the same object
     *         when nothing changes)
     */
    public static String fold(String role) {
        for (int i = 0; i < role.length(); i++) {
            char c = role.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = role.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return role;
    }

    /** @return whether two role names are the same under the rule ({@code false} when either is {@code null}) */
    public static boolean same(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (lower(a.charAt(i)) != lower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** @return whether {@code held} contains {@code name} under the rule */
    public static boolean contains(Collection<String> held, String name) {
        for (String role : held) {
            if (same(role, name)) {
                return true;
            }
        }
        return false;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /**
     * "Any of" needs one held name, "all of" needs every one; custom roles count when included. With no names,
     * "any of" is false and "all of" is true.
     */
    static boolean matches(Collection<String> roles, Collection<String> customRoles, boolean includeCustom,
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
}
