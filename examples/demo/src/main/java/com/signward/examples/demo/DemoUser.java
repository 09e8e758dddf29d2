package com.signward.examples.demo;

import com.signward.idserver.testkit.FakeUser;

import java.util.List;

/**
 * A user of the local provider, shaped like a Signward user: the claims Signward puts into its tokens.
 *
 * @param login       the user's short name (the provider's login page shows the full name)
 * @param sub         the user id (a UUID string)
 * @param givenName   given name
 * @param familyName  family name
 * @param roles       built-in roles ({@code roles} claim)
 * @param customRoles the tenant's custom roles ({@code custom_roles} claim)
 */
record DemoUser(String login, String sub, String givenName, String familyName, List<String> roles,
                List<String> customRoles) {

    /** The demo tenant that both users belong to. */
    static final String TENANT_ID = "7b0f5c8e-3a51-4c1e-9a43-0d5e2f6a1b90";

    /** Admin, and the custom role billing: every endpoint and page is open to her. */
    static final DemoUser ALICE = new DemoUser("alice", "5f2b7c1e-8a4d-4e3b-9c6f-1a2b3c4d5e01", "Alice", "Anderson",
            List.of("admin"), List.of("billing"));

    /** A plain user with the custom role editor: no admin page, but the editors' endpoint. */
    static final DemoUser BOB = new DemoUser("bob", "5f2b7c1e-8a4d-4e3b-9c6f-1a2b3c4d5e02", "Bob", "Brown",
            List.of("user"), List.of("editor"));

    /** The demo users. */
    static final List<DemoUser> ALL = List.of(ALICE, BOB);

    /** @return {@code alice@example.com} */
    String email() {
        return login + "@example.com";
    }

    /** The user as the provider signs it in: Signward's claims ({@code sub}, email, names, tenant, roles). */
    FakeUser fakeUser() {
        return FakeUser.named(login).withId(sub).withEmail(email()).withName(givenName + " " + familyName)
                .withNames(givenName, familyName).withTenant(TENANT_ID)
                .withRoles(roles.toArray(String[]::new)).withCustomRoles(customRoles.toArray(String[]::new));
    }

    /** One line for the console, e.g. {@code alice   roles [admin]   custom roles [billing]}. */
    String describe() {
        return String.format("%-6s %-16s roles %-8s custom roles %s", login, "(" + givenName + " " + familyName + ")",
                roles, customRoles);
    }
}
