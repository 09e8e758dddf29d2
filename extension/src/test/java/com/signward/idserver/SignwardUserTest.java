package com.signward.idserver;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignwardUserTest {

    private static final String SUB = "6f1c2b1e-1111-4222-8333-444455556666";
    private static final String TENANT = "0a1b2c3d-0000-4000-8000-000000000001";

    private static JsonObject tokenClaims() {
        return Json.createObjectBuilder()
                .add("sub", SUB)
                .add("email", "ada@example.com")
                .add("email_verified", true)
                .add("name", "Ada Lovelace")
                .add("given_name", "Ada")
                .add("family_name", "Lovelace")
                .add("tenant_id", TENANT)
                .add("roles", Json.createArrayBuilder().add("Admin").add("user"))
                .add("custom_roles", "Billing")
                .add("exp", 1795703976L)
                .add("ratio", new BigDecimal("0.5"))
                .add("huge", new BigInteger("123456789012345678901234567890"))
                .add("address", Json.createObjectBuilder().add("country", "GB"))
                .addNull("nothing")
                .build();
    }

    @Test
    void mapsEveryClaimOfAJsonObject() {
        SignwardUser user = SignwardUser.fromClaims(tokenClaims());
        assertTrue(user.isAuthenticated());
        assertEquals(UUID.fromString(SUB), user.userId());
        assertEquals("ada@example.com", user.email());
        assertEquals(Boolean.TRUE, user.emailVerified());
        assertEquals("Ada Lovelace", user.name());
        assertEquals("Ada", user.givenName());
        assertEquals("Lovelace", user.familyName());
        assertEquals(UUID.fromString(TENANT), user.tenantId());
        assertEquals(List.of("Admin", "user"), user.roles());
        assertEquals(List.of("Billing"), user.customRoles());
    }

    @Test
    void claimsAreConvertedToPlainJava() {
        Map<String, Object> claims = SignwardUser.fromClaims(tokenClaims()).claims();
        assertEquals(SUB, claims.get("sub"));
        assertEquals(Boolean.TRUE, claims.get("email_verified"));
        assertEquals(1795703976L, claims.get("exp"));
        assertEquals(new BigDecimal("0.5"), claims.get("ratio"));
        assertEquals(new BigInteger("123456789012345678901234567890"), claims.get("huge"));
        assertEquals(List.of("Admin", "user"), claims.get("roles"));
        assertEquals(Map.of("country", "GB"), claims.get("address"));
        assertTrue(claims.containsKey("nothing"));
        assertNull(claims.get("nothing"));
        claims.values().forEach(v -> assertFalse(v instanceof jakarta.json.JsonValue, String.valueOf(v)));
        assertThrows(UnsupportedOperationException.class, () -> claims.put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) claims.get("roles")).clear());
    }

    @Test
    void plainJavaValuesAreAcceptedAndNormalised() {
        Map<String, Object> source = new HashMap<>();
        source.put("sub", SUB);
        source.put("roles", List.of("admin"));
        source.put("count", 3);
        source.put("email_verified", "true");
        SignwardUser user = SignwardUser.fromClaims(source);
        source.put("roles", List.of("changed"));
        assertEquals(List.of("admin"), user.roles());
        assertEquals(3L, user.claims().get("count"));
        assertEquals(Boolean.TRUE, user.emailVerified());
    }

    @Test
    void aSingleStringRoleIsAOneElementList() {
        SignwardUser user = SignwardUser.fromClaims(Map.of("roles", "admin", "custom_roles", List.of("a", "b")));
        assertEquals(List.of("admin"), user.roles());
        assertEquals(List.of("a", "b"), user.customRoles());
    }

    @Test
    void missingRolesAreEmptyAndNonStringsAreIgnored() {
        SignwardUser user = SignwardUser.fromClaims(Map.of("roles", List.of("ok", 5, " ")));
        assertEquals(List.of("ok"), user.roles());
        assertEquals(List.of(), user.customRoles());
    }

    @Test
    void nameFallsBackToGivenAndFamilyName() {
        assertEquals("Ada Lovelace",
                SignwardUser.fromClaims(Map.of("given_name", "Ada", "family_name", "Lovelace")).name());
        assertEquals("Ada", SignwardUser.fromClaims(Map.of("given_name", "Ada")).name());
        assertEquals("Lovelace", SignwardUser.fromClaims(Map.of("family_name", "Lovelace", "name", " ")).name());
        assertNull(SignwardUser.fromClaims(Map.of("email", "x@example.com")).name());
    }

    @Test
    void nonUuidSubjectAndTenantKeepTheRawClaim() {
        SignwardUser user = SignwardUser.fromClaims(Map.of("sub", "auth0|12345", "tenant_id", "acme",
                "email", "x@example.com"));
        assertNull(user.userId());
        assertNull(user.tenantId());
        assertEquals("auth0|12345", user.claims().get("sub"));
        assertEquals("acme", user.claims().get("tenant_id"));
        assertEquals("x@example.com", user.email());
        assertNull(SignwardUser.fromClaims(Map.of("sub", "1-1-1-1-1")).userId());
    }

    @Test
    void anonymousHasNothing() {
        SignwardUser anonymous = SignwardUser.anonymous();
        assertFalse(anonymous.isAuthenticated());
        assertNull(anonymous.userId());
        assertTrue(anonymous.roles().isEmpty());
        assertTrue(anonymous.claims().isEmpty());
        assertFalse(anonymous.hasAnyRole("user"));
        assertTrue(SignwardUser.fromClaims(Map.of()).isAuthenticated());
    }

    @Test
    void roleChecksAreCaseInsensitiveAndCountCustomRoles() {
        SignwardUser user = SignwardUser.fromClaims(tokenClaims());
        assertTrue(user.hasRole("admin"));
        assertTrue(user.hasRole("ADMIN"));
        assertTrue(user.hasRole("billing"));
        assertFalse(user.hasRole("owner"));
        assertTrue(user.hasCustomRole("BILLING"));
        assertFalse(user.hasCustomRole("admin"));
        assertTrue(user.hasAnyRole("owner", "USER"));
        assertFalse(user.hasAnyRole("owner", "editor"));
        assertTrue(user.hasAllRoles("admin", "billing"));
        assertFalse(user.hasAllRoles("admin", "owner"));
    }

    @Test
    void includeCustomFalseCountsBuiltInRolesOnly() {
        SignwardUser user = SignwardUser.fromClaims(tokenClaims());
        assertFalse(user.hasRole("billing", false));
        assertTrue(user.hasRole("admin", false));
        assertFalse(user.hasAnyRole(false, "billing"));
        assertTrue(user.hasAnyRole(false, "billing", "user"));
        assertFalse(user.hasAllRoles(false, "admin", "billing"));
        assertTrue(user.hasAllRoles(false, "admin", "USER"));
    }

    @Test
    void edgeCasesOfTheRoleRule() {
        SignwardUser user = SignwardUser.fromClaims(tokenClaims());
        assertFalse(user.hasAnyRole());
        assertTrue(user.hasAllRoles());
        assertFalse(user.hasRole(null));
        assertFalse(user.hasAllRoles("admin", null));
        assertTrue(user.hasAnyRole(null, "admin"));
    }

    @Test
    void customRoleClaimNames() {
        SignwardUser user = SignwardUser.fromClaims(Map.of("groups", List.of("admin"), "perms", "export",
                "roles", "ignored"), "groups", "perms");
        assertEquals(List.of("admin"), user.roles());
        assertEquals(List.of("export"), user.customRoles());
        assertFalse(user.hasRole("ignored"));
    }

    @Test
    void serializableRoundTrip() throws Exception {
        SignwardUser user = SignwardUser.fromClaims(tokenClaims());
        SignwardUser copy = roundTrip(user);
        assertEquals(user, copy);
        assertEquals(user.userId(), copy.userId());
        assertEquals(user.claims(), copy.claims());
        assertTrue(copy.hasAllRoles("admin", "billing"));
        assertSame(SignwardUser.anonymous(), roundTrip(SignwardUser.anonymous()));
    }

    @Test
    void toStringShowsNoPersonalData() {
        String text = SignwardUser.fromClaims(tokenClaims()).toString();
        assertTrue(text.contains(SUB), text);
        assertFalse(text.contains("ada@example.com"), text);
    }

    @Test
    void tenantNameIsTheConfigurationThatBuiltTheUserNotTheTenantIdClaim() throws Exception {
        UUID tenantId = UUID.randomUUID();
        Map<String, Object> claims = Map.of("sub", "u1", "tenant_id", tenantId.toString(), "roles", "admin");
        SignwardOptions b = SignwardOptions.builder().authority("https://b.signward.com").clientId("app")
                .rolesClaim("roles").tenantName("partners").build();
        SignwardUser user = SignwardUser.fromClaims(claims, b);
        assertEquals("partners", user.tenantName());
        assertEquals(tenantId, user.tenantId());
        assertTrue(user.hasRole("admin"));
        assertEquals("partners", roundTrip(user).tenantName());
        assertEquals("default", SignwardUser.fromClaims(claims).tenantName());
        assertNull(SignwardUser.anonymous().tenantName());
        assertFalse(user.equals(SignwardUser.fromClaims(claims)), "another tenant's user is another user");
        assertThrows(InvalidOptionException.class, () -> SignwardOptions.builder()
                .authority("https://b.signward.com").clientId("app").tenantName("a b").build());
    }

    private static SignwardUser roundTrip(SignwardUser user) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(user);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SignwardUser) in.readObject();
        }
    }
}
