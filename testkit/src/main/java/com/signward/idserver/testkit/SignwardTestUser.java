package com.signward.idserver.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The user of a test, for {@link SignwardTestExtension}: on a {@code String} parameter it yields a bearer token
 * for that user signed by the test class's {@link FakeSignward} (or the {@code Authorization} header value with
 * {@link #header()}); on a test method it applies to the method's unannotated {@code String} parameters, and a
 * {@link FakeUser} parameter receives the user itself.
 * <pre>{@code
 * @Test
 * void adminsSeeReports(@SignwardTestUser(roles = "admin", tenant = "7c9e6679-7425-40de-944b-e07fc1f90ae7") String token) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.PARAMETER})
public @interface SignwardTestUser {

    /** The user id ({@code sub}); empty: a random UUID. */
    String id() default "";

    /** A first name the email and names are derived from ({@code alice} → {@code alice@example.test}, "Alice Tester"). */
    String name() default "test";

    /** The email; empty: derived from {@link #name()}. */
    String email() default "";

    /** The tenant id ({@code tenant_id}, a UUID as Signward sends it); empty: a random UUID. */
    String tenant() default "";

    /** The built-in roles ({@code roles}). */
    String[] roles() default {"user"};

    /** The custom roles ({@code custom_roles}). */
    String[] customRoles() default {};

    /** {@code true}: the parameter receives {@code "Bearer <token>"} instead of the bare token. */
    boolean header() default false;
}
