package com.signward.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * WARs and tokens of the authorization tests: a WAR holds exactly one package of {@code com.signward.it.authz…}
 * (not its subpackages), its configuration and the Signward jar; tokens carry any claims a test needs (nested role
 * claims, odd tenant ids).
 */
public final class AuthzWars {

    /** Tenant the tenant tests allow. */
    public static final String ALLOWED_TENANT = "6f1c2a1e-8d3b-4c55-9e0a-2b7d1f4e9c10";
    /** Another tenant. */
    public static final String OTHER_TENANT = "0d9b8f2e-3c4a-4b5d-8e6f-7a8b9c0d1e2f";

    private AuthzWars() {
    }

    /** A WAR with the classes of {@code pkg} and the given configuration. */
    public static WebArchive war(String name, String pkg, Map<String, String> config) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackages(false, pkg)
                .addAsResource(new StringAsset(config.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n", "", "\n"))), "META-INF/microprofile-config.properties")
                .addAsLibraries(Deployments.warLibs());
    }

    /** {@link Deployments#defaultConfig()} plus {@code extra} (name/value pairs). */
    public static Map<String, String> config(String... extra) {
        Map<String, String> config = new LinkedHashMap<>(Deployments.defaultConfig());
        for (int i = 0; i + 1 < extra.length; i += 2) {
            config.put(extra[i], extra[i + 1]);
        }
        return config;
    }

    /** A valid access token from the provider with exactly these claims besides iss, aud, sub and the times. */
    public static String token(String sub, Map<String, Object> claims) {
        return MockIdp.get().issue(new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback(
                MockIdp.ISSUER_ID, sub, "JWT", List.of(MockIdp.AUDIENCE), claims, 3600));
    }

    /** A user of {@code tenant} with these built-in and custom roles (claims {@code roles}, {@code custom_roles}). */
    public static TestUser user(String name, String tenant, List<String> roles, List<String> customRoles) {
        TestUser base = TestUser.named(name);
        return new TestUser(base.sub(), base.email(), base.name(), base.givenName(), base.familyName(), tenant,
                roles, customRoles);
    }
}
