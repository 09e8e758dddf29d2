package com.signward.idserver;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one role rule: ASCII letters fold, nothing else does. */
class RoleRuleTest {

    @Test
    void asciiLettersCompareCaseInsensitively() {
        assertTrue(RoleRule.same("Admin", "admin"));
        assertTrue(RoleRule.same("BILLING-2", "billing-2"));
        assertFalse(RoleRule.same("admin", "admins"));
        assertFalse(RoleRule.same(null, "admin"));
        assertFalse(RoleRule.same("admin", null));
    }

    @Test
    void nonAsciiLettersNeverFoldOntoAscii() {
        assertFalse(RoleRule.same("adm\u0131n", "admin"), "dotless i");
        assertFalse(RoleRule.same("ADM\u0130N", "admin"), "dotted capital I");
        assertFalse(RoleRule.same("ADM\u0130N", "ADMIN"), "dotted capital I");
        assertFalse(RoleRule.same("\u017Fuper", "super"), "long s");
        assertFalse(RoleRule.same("\u017Fuper", "SUPER"), "long s");
        assertFalse(RoleRule.same("\u212Aey", "key"), "Kelvin sign");
        assertFalse(RoleRule.same("\u212Aey", "KEY"), "Kelvin sign");
        assertTrue(RoleRule.same("adm\u0131n", "ADM\u0131N"), "equal non-ASCII characters stay equal");
        // what String.equalsIgnoreCase would have allowed
        assertTrue("adm\u0131n".equalsIgnoreCase("admin"));
        assertTrue("\u212Aey".equalsIgnoreCase("key"));
    }

    @Test
    void foldLowersOnlyAsciiLetters() {
        assertEquals("admin", RoleRule.fold("ADMIN"));
        assertEquals("adm\u0130n", RoleRule.fold("ADM\u0130N"));
        assertEquals("\u212Aey", RoleRule.fold("\u212AEY"));
        String lower = "already-lower";
        assertSame(lower, RoleRule.fold(lower));
    }

    @Test
    void userChecksFollowTheRule() {
        SignwardUser user = SignwardUser.fromClaims(Map.of("sub", "u", "roles", List.of("Admin"),
                "custom_roles", List.of("adm\u0131n", "\u212Aeeper")));
        assertTrue(user.hasRole("admin"));
        assertTrue(user.hasRole("ADMIN", false));
        assertFalse(user.hasCustomRole("admin"), "the custom role adm\u0131n is not admin");
        assertFalse(user.hasRole("keeper"));
        assertTrue(user.hasCustomRole("ADM\u0131N"));
        assertTrue(user.inGroup("admin"));
        assertFalse(user.inGroup("keeper"));
        assertTrue(user.hasAllRoles("admin", "adm\u0131n"));
        assertFalse(user.hasAllRoles(false, "admin", "adm\u0131n"));
    }
}
