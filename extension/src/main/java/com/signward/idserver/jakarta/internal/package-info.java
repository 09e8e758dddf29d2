/**
 * <b>Internal, not an API:</b> may change in any release without notice; applications configure it with
 * {@code signward.*} keys.
 *
 * <p>The Jakarta EE wiring: the portable CDI extension that adds every bean and reads the configuration at
 * deployment ({@link com.signward.idserver.jakarta.internal.SignwardDeployment}), the one
 * {@code HttpAuthenticationMechanism} for bearer calls and browser sessions, the identity store, the servlet filter
 * and initializer that absorb runtime differences, and the JAX-RS access filter. The authenticated caller travels
 * by one route, the {@link com.signward.idserver.jakarta.internal.AuthOutcome} request attribute, to the principal,
 * the {@code SignwardUser} producer and the JAX-RS filters.
 */
package com.signward.idserver.jakarta.internal;
