package com.signward.examples.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user of the local provider, shaped like a Signward user: the claims Signward puts into its tokens.
 *
 * @param login       what to type on the provider's login page
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

    /**
     * The claims of this user's tokens. {@code ${clientId}} is replaced by the provider with the client that asks
     * for the token: {@code aud} holds Signward's API audience and the client, {@code azp} the client.
     */
    Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        claims.put("aud", List.of("idserver-api", "${clientId}"));
        claims.put("azp", "${clientId}");
        claims.put("email", email());
        claims.put("email_verified", true);
        claims.put("name", givenName + " " + familyName);
        claims.put("given_name", givenName);
        claims.put("family_name", familyName);
        claims.put("tenant_id", TENANT_ID);
        claims.put("roles", roles);
        claims.put("custom_roles", customRoles);
        return claims;
    }

    /** Claims for any other name typed on the login page: role {@code user}, in the demo tenant. */
    static Map<String, Object> anyoneElse() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", List.of("idserver-api", "${clientId}"));
        claims.put("azp", "${clientId}");
        claims.put("tenant_id", TENANT_ID);
        claims.put("roles", List.of("user"));
        claims.put("custom_roles", List.of());
        return claims;
    }

    /** One line for the console, e.g. {@code alice   roles [admin]   custom roles [billing]}. */
    String describe() {
        return String.format("%-6s %-16s roles %-8s custom roles %s", login, "(" + givenName + " " + familyName + ")",
                roles, customRoles);
    }
}
