package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.jakarta.Authenticated;
import com.signward.idserver.jakarta.RequiresRoles;
import com.signward.idserver.jakarta.RequiresTenant;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Application;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.signward.idserver.jakarta.internal.AccessPolicy.Decision.FORBIDDEN;
import static com.signward.idserver.jakarta.internal.AccessPolicy.Decision.GRANTED;
import static com.signward.idserver.jakarta.internal.AccessPolicy.Decision.UNAUTHENTICATED;
import static com.signward.idserver.jakarta.internal.AccessPolicy.Decision.WRONG_TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How security annotations resolve (method over class, superclasses, combinations) and decide. */
class AccessPolicyTest {

    static final String TENANT = "6f1c2a1e-8d3b-4c55-9e0a-2b7d1f4e9c10";

    @RolesAllowed("admin")
    abstract static class AdminBase {
        public void inherited() {
        }
    }

    static class Sub extends AdminBase {
        public void own() {
        }

        @PermitAll
        public void open() {
        }
    }

    @DenyAll
    static class Closed {
        public void any() {
        }

        @RolesAllowed("user")
        public void users() {
        }
    }

    @RequiresRoles("auditor")
    static class Combined {
        @RolesAllowed("user")
        public void both() {
        }

        @PermitAll
        public void open() {
        }
    }

    @Authenticated
    static class Signed {
        public void any() {
        }

        @RequiresTenant(pathParam = "tenantId")
        public void tenant() {
        }

        @RequiresTenant(TENANT)
        public void fixed() {
        }

        @RequiresTenant
        public void neither() {
        }

        @RequiresTenant("not-a-uuid")
        public void badId() {
        }
    }

    private static AccessPolicy.Decision decide(Class<?> type, String method, SignwardUser user) throws Exception {
        return decide(type, method, user, Map.of());
    }

    private static AccessPolicy.Decision decide(Class<?> type, String method, SignwardUser user,
                                                Map<String, String> path) throws Exception {
        return AccessPolicy.of(type.getMethod(method), type)
                .decide(user.isAuthenticated(), user, user::inGroup, path::get);
    }

    private static SignwardUser user(String tenant, String... roles) {
        return SignwardUser.fromClaims(Map.of("sub", "u", "tenant_id", tenant, "roles", List.of(roles)));
    }

    @Test
    void classAnnotationsOfSuperclassesApply() throws Exception {
        assertEquals(FORBIDDEN, decide(Sub.class, "own", user(TENANT, "user")));
        assertEquals(FORBIDDEN, decide(Sub.class, "inherited", user(TENANT, "user")));
        assertEquals(GRANTED, decide(Sub.class, "own", user(TENANT, "Admin")));
        assertEquals(UNAUTHENTICATED, decide(Sub.class, "own", SignwardUser.anonymous()));
        assertEquals(GRANTED, decide(Sub.class, "open", SignwardUser.anonymous()));
    }

    @Test
    void methodOverClassForTheJakartaAnnotations() throws Exception {
        assertEquals(FORBIDDEN, decide(Closed.class, "any", user(TENANT, "admin")));
        assertEquals(GRANTED, decide(Closed.class, "users", user(TENANT, "user")));
    }

    @Test
    void rolesAllowedAndRequiresRolesRequireBoth() throws Exception {
        assertEquals(FORBIDDEN, decide(Combined.class, "both", user(TENANT, "user")));
        assertEquals(FORBIDDEN, decide(Combined.class, "both", user(TENANT, "auditor")));
        assertEquals(GRANTED, decide(Combined.class, "both", user(TENANT, "user", "auditor")));
        assertEquals(GRANTED, decide(Combined.class, "open", SignwardUser.anonymous()), "a method's @PermitAll opens it");
    }

    @Test
    void authenticatedNeedsOnlyACaller() throws Exception {
        assertEquals(GRANTED, decide(Signed.class, "any", user(TENANT)));
        assertEquals(UNAUTHENTICATED, decide(Signed.class, "any", SignwardUser.anonymous()));
    }

    @Test
    void tenantsFromThePathOrFixed() throws Exception {
        SignwardUser member = user(TENANT);
        assertEquals(GRANTED, decide(Signed.class, "tenant", member, Map.of("tenantId", TENANT.toUpperCase())));
        assertEquals(WRONG_TENANT, decide(Signed.class, "tenant", member,
                Map.of("tenantId", "00000000-0000-0000-0000-000000000001")));
        assertEquals(WRONG_TENANT, decide(Signed.class, "tenant", member, Map.of("tenantId", "1-1-1-1-1")));
        assertEquals(WRONG_TENANT, decide(Signed.class, "tenant", member, Map.of()));
        assertEquals(GRANTED, decide(Signed.class, "fixed", member));
        assertEquals(WRONG_TENANT, decide(Signed.class, "fixed", user("00000000-0000-0000-0000-000000000001")));
        assertEquals(WRONG_TENANT, decide(Signed.class, "fixed", user("tenant-a")), "a non-UUID claim never matches");
        assertEquals(WRONG_TENANT, decide(Signed.class, "tenant", user("tenant-a"), Map.of("tenantId", "tenant-a")));
    }

    @Test
    void malformedTenantAnnotationsAreRefused() {
        assertThrows(IllegalStateException.class, () -> AccessPolicy.of(Signed.class.getMethod("neither"), Signed.class));
        assertThrows(IllegalStateException.class, () -> AccessPolicy.of(Signed.class.getMethod("badId"), Signed.class));
    }

    @Test
    void unannotatedIsOpen() throws Exception {
        assertFalse(AccessPolicy.of(Object.class.getMethod("toString"), Object.class).requiresCaller());
        assertTrue(AccessPolicy.of(null, Sub.class).requiresCaller());
    }

    // --- getClasses() applications -----------------------------------------------------------------------

    public static class Listing extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(Sub.class);
        }
    }

    public static class Scanned extends Application {
    }

    @Test
    void anApplicationListingSecuredClassesWithoutTheFeatureIsAProblem() {
        List<String> problems = JaxrsRegistration.problems(List.of(Listing.class, Scanned.class, Sub.class));
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains(JaxrsRegistration.FEATURE), problems::toString);
        assertTrue(problems.get(0).contains(Listing.class.getName()), problems::toString);
    }
}
