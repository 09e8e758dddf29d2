package com.signward.idserver.jakarta;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a signed-in caller, bearer or browser session, whatever its roles. Nobody signed in: 401 with a
 * {@code Bearer} challenge, or a redirect to the login route for a browser when browser login is on.
 * <p>
 * On JAX-RS resource classes and methods, on CDI beans (an interceptor binding: {@link
 * jakarta.ws.rs.NotAuthorizedException} when nobody is signed in) and on servlet classes.
 *
 * <pre>
 * &#64;GET &#64;Path("me") &#64;Authenticated
 * public Profile me() { … }
 * </pre>
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authenticated {
}
