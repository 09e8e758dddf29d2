package com.signward.idserver.internal.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.signward.idserver.internal.jwt.AccessTokenRules;
import com.signward.idserver.internal.jwt.AlgorithmPolicy;

import org.junit.jupiter.api.Test;

/** Which algorithms each token kind may use, and the access-token rules the core hands out. */
class OidcCorePolicyTest {

    private static OidcConfig config(String secret, Set<String> algorithms, boolean symmetric, List<String> types,
                                     List<String> clients) {
        return new OidcConfig("https://id.example", "web-app", secret, List.of("openid"), "idserver-api", null,
                Duration.ofSeconds(10), true, Duration.ofSeconds(10), algorithms, symmetric, Duration.ofSeconds(30),
                Duration.ofHours(24), types, clients, 10_000);
    }

    @Test
    void accessTokensUseHmacOnlyWithSymmetricJwksKeys() {
        Set<String> all = new java.util.HashSet<>(AlgorithmPolicy.ASYMMETRIC);
        all.addAll(AlgorithmPolicy.SYMMETRIC);
        AlgorithmPolicy off = OidcCore.accessPolicy(config(null, all, false, List.of(), List.of()));
        assertEquals(AlgorithmPolicy.ASYMMETRIC, off.allowed());
        assertFalse(off.jwksSymmetricKeys());
        AlgorithmPolicy on = OidcCore.accessPolicy(config(null, all, true, List.of(), List.of()));
        assertEquals(all, on.allowed());
        assertTrue(on.jwksSymmetricKeys());
        AlgorithmPolicy es = OidcCore.accessPolicy(config(null, Set.of("ES256"), true, List.of(), List.of()));
        assertEquals(Set.of("ES256"), es.allowed());
    }

    @Test
    void idAndLogoutTokensUseHmacOnlyWithTheClientSecret() {
        AlgorithmPolicy publicClient = OidcCore.clientPolicy(config(null, AlgorithmPolicy.ASYMMETRIC, true, List.of(),
                List.of()));
        // HS* passes the policy so that ClientSecretKeys can refuse it by name ("needs a client secret")
        assertTrue(publicClient.allowed().containsAll(AlgorithmPolicy.ASYMMETRIC));
        assertTrue(publicClient.allowed().containsAll(AlgorithmPolicy.SYMMETRIC));
        assertFalse(publicClient.jwksSymmetricKeys(), "never the JWKS oct keys");
        AlgorithmPolicy confidential = OidcCore.clientPolicy(config("s3cret", Set.of("RS256"), false, List.of(),
                List.of()));
        assertTrue(confidential.allowed().containsAll(AlgorithmPolicy.SYMMETRIC));
        assertTrue(confidential.allowed().contains("RS256"));
        assertFalse(confidential.allowed().contains("ES256"), "the allow-list still applies to asymmetric ones");
        assertFalse(confidential.jwksSymmetricKeys());
    }

    @Test
    void accessRulesCarryTheTypesAndClients() {
        OidcConfig config = config(null, AlgorithmPolicy.ASYMMETRIC, false, List.of("at+jwt"), List.of("a"));
        try (OidcCore core = new OidcCore(config, java.net.http.HttpClient.newHttpClient(), true,
                java.time.Clock.systemUTC())) {
            AccessTokenRules rules = core.accessRules("https://id.example", "idserver-api");
            assertEquals(new AccessTokenRules("https://id.example", "idserver-api", Duration.ofSeconds(10),
                    List.of("application/at+jwt"), List.of("a")), rules);
            assertFalse(rules.equals(new AccessTokenRules("https://id.example", "idserver-api",
                    Duration.ofSeconds(10), List.of(), List.of("a"))));
        }
    }
}
