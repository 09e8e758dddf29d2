package com.signward.idserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignwardOptionsTest {

    private static SignwardOptions.Builder valid() {
        return SignwardOptions.builder().authority("https://mytenant.signward.com").clientId("my-api");
    }

    /** Every builder error is an {@link InvalidOptionException} (an IllegalArgumentException) naming its option. */
    private static String rejection(SignwardOptions.Builder builder) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class, builder::build);
        assertTrue(e.getMessage().startsWith(e.option()), e::getMessage);
        return e.getMessage();
    }

    private static void assertRejected(String option, SignwardOptions.Builder builder) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class, builder::build);
        assertEquals(option, e.option(), e::getMessage);
        assertTrue(e.getMessage().startsWith(option), e::getMessage);
        assertTrue(e instanceof IllegalArgumentException);
    }

    @Test
    void defaults() {
        SignwardOptions o = valid().build();
        assertEquals("https://mytenant.signward.com", o.authority());
        assertEquals("my-api", o.clientId());
        assertNull(o.clientSecret());
        assertEquals(List.of("openid", "profile", "email"), o.scopes());
        assertEquals("idserver-api", o.audience());
        assertNull(o.issuer());
        assertEquals(Duration.ofSeconds(10), o.timeout());
        assertTrue(o.verifySsl());
        assertNull(o.webBaseUrl());
        assertEquals(Duration.ofSeconds(10), o.clockSkew());
        assertFalse(o.allowSymmetricKeys());
        assertEquals(Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"),
                o.allowedAlgorithms());
        assertEquals(Duration.ofSeconds(30), o.jwksMinRefreshInterval());
        assertEquals(Duration.ofHours(24), o.jwksMaxStale());
        assertEquals("roles", o.rolesClaim());
        assertEquals("custom_roles", o.customRolesClaim());
        assertEquals(List.of(), o.accessTokenTypes());
        assertEquals(List.of(), o.allowedClients());
        assertEquals(10_000, o.tokenCacheSize());
    }

    @Test
    void everyOptionIsKept() {
        SignwardOptions o = valid()
                .clientSecret("s3cret")
                .scopes(List.of("openid", "roles"))
                .audience("my-aud")
                .issuer("https://issuer.example.com/")
                .timeout(Duration.ofSeconds(3))
                .verifySsl(false)
                .webBaseUrl("https://www.signward.com/")
                .clockSkew(Duration.ZERO)
                .allowSymmetricKeys(true)
                .jwksMinRefreshInterval(Duration.ofMinutes(1))
                .jwksMaxStale(Duration.ofHours(1))
                .rolesClaim("groups")
                .customRolesClaim("perms")
                .build();
        assertEquals("s3cret", o.clientSecret());
        assertEquals(List.of("openid", "roles"), o.scopes());
        assertEquals("my-aud", o.audience());
        assertEquals("https://issuer.example.com/", o.issuer());
        assertEquals(Duration.ofSeconds(3), o.timeout());
        assertFalse(o.verifySsl());
        assertEquals("https://www.signward.com", o.webBaseUrl());
        assertEquals(Duration.ZERO, o.clockSkew());
        assertTrue(o.allowSymmetricKeys());
        assertEquals(Duration.ofMinutes(1), o.jwksMinRefreshInterval());
        assertEquals(Duration.ofHours(1), o.jwksMaxStale());
        assertEquals("groups", o.rolesClaim());
        assertEquals("perms", o.customRolesClaim());
    }

    @Test
    void missingOrBlankAuthorityAndClientIdAreNamed() {
        assertEquals("authority is required", rejection(SignwardOptions.builder().clientId("x")));
        assertEquals("authority is required", rejection(SignwardOptions.builder().authority("  ").clientId("x")));
        assertEquals("clientId is required", rejection(SignwardOptions.builder().authority("https://a.example")));
        assertEquals("clientId is required", rejection(valid().clientId(" ")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://mytenant.signward.com", "http://10.0.0.1:8080", "http://127.0.0.1.nip.io",
        "http://localhost.evil.example", "http://[::2]:8080", "http://128.0.0.1"})
    void plainHttpIsRejectedForNonLoopbackHosts(String authority) {
        String message = rejection(valid().authority(authority));
        assertTrue(message.startsWith("authority must use https"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1:9000/tenant",
        "http://127.9.8.7", "http://[::1]:8443"})
    void plainHttpIsAllowedForLoopbackHosts(String authority) {
        assertEquals(authority, valid().authority(authority).build().authority());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mytenant.signward.com", "ftp://mytenant.signward.com", "/relative",
        "https://a.example/?x=1", "https://a.example/#f", "https://user@a.example", "https://a b.example"})
    void malformedAuthorityIsNamed(String authority) {
        assertTrue(rejection(valid().authority(authority)).startsWith("authority "));
    }

    @Test
    void trailingSlashesAreDropped() {
        assertEquals("https://a.example/tenant", valid().authority("https://a.example/tenant/").build().authority());
    }

    @Test
    void durationsAreChecked() {
        assertTrue(rejection(valid().timeout(Duration.ZERO)).startsWith("timeout "));
        assertTrue(rejection(valid().timeout(null)).startsWith("timeout "));
        assertTrue(rejection(valid().clockSkew(Duration.ofSeconds(-1))).startsWith("clockSkew "));
        assertTrue(rejection(valid().clockSkew(Duration.ofDays(2))).startsWith("clockSkew "));
        assertTrue(rejection(valid().jwksMinRefreshInterval(Duration.ofSeconds(-1)))
                .startsWith("jwksMinRefreshInterval "));
        assertTrue(rejection(valid().jwksMaxStale(null)).startsWith("jwksMaxStale "));
    }

    @Test
    void scopesAudienceAndClaimsAreChecked() {
        assertEquals("scopes must not be empty", rejection(valid().scopes(List.of())));
        assertTrue(rejection(valid().scopes(List.of("openid profile"))).startsWith("scopes:"));
        assertEquals("audience is required", rejection(valid().audience("")));
        assertEquals("rolesClaim is required", rejection(valid().rolesClaim(null)));
        assertEquals("customRolesClaim is required", rejection(valid().customRolesClaim(" ")));
        assertTrue(rejection(valid().webBaseUrl("www.signward.com")).startsWith("webBaseUrl "));
    }

    @Test
    void scopesAreCopied() {
        List<String> scopes = new ArrayList<>(List.of("openid"));
        SignwardOptions o = valid().scopes(scopes).build();
        scopes.add("email");
        assertEquals(List.of("openid"), o.scopes());
        assertThrows(UnsupportedOperationException.class, () -> o.scopes().add("x"));
    }

    @Test
    void symmetricAlgorithmsJoinTheDefaultsOnlyWhenAllowed() {
        assertTrue(valid().allowSymmetricKeys(true).build().allowedAlgorithms()
                .containsAll(Set.of("HS256", "HS384", "HS512", "RS256")));
        assertFalse(valid().build().allowedAlgorithms().contains("HS256"));
    }

    @Test
    void allowedAlgorithmsAreChecked() {
        assertEquals(Set.of("ES256"), valid().allowedAlgorithms(Set.of("ES256")).build().allowedAlgorithms());
        assertTrue(rejection(valid().allowedAlgorithms(Set.of("none"))).startsWith("allowedAlgorithms"));
        assertTrue(rejection(valid().allowedAlgorithms(Set.of("RS1"))).startsWith("allowedAlgorithms"));
        assertEquals("allowedAlgorithms must not be empty", rejection(valid().allowedAlgorithms(Set.of())));
    }

    @Test
    void blankSecretAndIssuerMeanNone() {
        SignwardOptions o = valid().clientSecret(" ").issuer("").build();
        assertNull(o.clientSecret());
        assertNull(o.issuer());
    }

    @Test
    void toStringHidesTheSecret() {
        String text = valid().clientSecret("very-secret-value").build().toString();
        assertFalse(text.contains("very-secret-value"), text);
        assertTrue(text.contains("clientSecret=***"), text);
    }

    @Test
    void theAccessTokenOptionsAreKeptAndCopied() {
        List<String> types = new ArrayList<>(List.of("at+jwt"));
        List<String> clients = new ArrayList<>(List.of("app-a", "app-b"));
        SignwardOptions o = valid().accessTokenTypes(types).allowedClients(clients).tokenCacheSize(0).build();
        types.add("JWT");
        clients.clear();
        assertEquals(List.of("at+jwt"), o.accessTokenTypes());
        assertEquals(List.of("app-a", "app-b"), o.allowedClients());
        assertEquals(0, o.tokenCacheSize());
        assertThrows(UnsupportedOperationException.class, () -> o.accessTokenTypes().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> o.allowedClients().add("x"));
        assertEquals(1_000_000, valid().tokenCacheSize(1_000_000).build().tokenCacheSize());
        // null means the default (none)
        assertEquals(List.of(), valid().accessTokenTypes(null).allowedClients(null).build().accessTokenTypes());
        String text = o.toString();
        assertTrue(text.contains("accessTokenTypes=[at+jwt]") && text.contains("tokenCacheSize=0"), text);
    }

    @Test
    void theAccessTokenOptionsAreChecked() {
        assertRejected("tokenCacheSize", valid().tokenCacheSize(-1));
        assertRejected("tokenCacheSize", valid().tokenCacheSize(1_000_001));
        assertRejected("tokenCacheSize", valid().tokenCacheSize(Integer.MIN_VALUE));
        assertRejected("accessTokenTypes", valid().accessTokenTypes(List.of(" ")));
        assertRejected("accessTokenTypes", valid().accessTokenTypes(List.of("")));
        assertRejected("accessTokenTypes", valid().accessTokenTypes(List.of("at+jwt", "at jwt")));
        assertRejected("accessTokenTypes", valid().accessTokenTypes(java.util.Arrays.asList("at+jwt", null)));
        assertRejected("allowedClients", valid().allowedClients(List.of("")));
        assertRejected("allowedClients", valid().allowedClients(List.of("app\u00e9")));
    }

    @Test
    void everyBuilderErrorIsAnInvalidOptionExceptionNamingItsOption() {
        assertRejected("authority", SignwardOptions.builder().clientId("c"));
        assertRejected("authority", valid().authority(" "));
        assertRejected("authority", valid().authority("http://mytenant.signward.com"));
        assertRejected("authority", valid().authority("ftp://x"));
        assertRejected("authority", valid().authority("not a url"));
        assertRejected("clientId", SignwardOptions.builder().authority("https://mytenant.signward.com"));
        assertRejected("clientId", valid().clientId(" "));
        assertRejected("scopes", valid().scopes(null));
        assertRejected("scopes", valid().scopes(List.of()));
        assertRejected("scopes", valid().scopes(List.of("open id")));
        assertRejected("audience", valid().audience(null));
        assertRejected("timeout", valid().timeout(Duration.ZERO));
        assertRejected("timeout", valid().timeout(null));
        assertRejected("webBaseUrl", valid().webBaseUrl("www.signward.com"));
        assertRejected("clockSkew", valid().clockSkew(null));
        assertRejected("clockSkew", valid().clockSkew(Duration.ofSeconds(-1)));
        assertRejected("clockSkew", valid().clockSkew(Duration.ofDays(1).plusSeconds(1)));
        assertRejected("allowedAlgorithms", valid().allowedAlgorithms(Set.of()));
        assertRejected("allowedAlgorithms", valid().allowedAlgorithms(Set.of("none")));
        assertRejected("jwksMinRefreshInterval", valid().jwksMinRefreshInterval(null));
        assertRejected("jwksMinRefreshInterval", valid().jwksMinRefreshInterval(Duration.ofSeconds(-1)));
        assertRejected("jwksMaxStale", valid().jwksMaxStale(Duration.ofSeconds(-1)));
        assertRejected("rolesClaim", valid().rolesClaim(""));
        assertRejected("customRolesClaim", valid().customRolesClaim(null));
        assertRejected("accessTokenTypes", valid().accessTokenTypes(List.of(" ")));
        assertRejected("allowedClients", valid().allowedClients(List.of(" ")));
        assertRejected("tokenCacheSize", valid().tokenCacheSize(-1));
        // the limits themselves are allowed
        valid().clockSkew(Duration.ofDays(1)).clockSkew(Duration.ZERO).jwksMinRefreshInterval(Duration.ZERO)
                .jwksMaxStale(Duration.ZERO).tokenCacheSize(0).build();
    }
}
