/**
 * What a Jakarta EE application writes against: {@link com.signward.idserver.jakarta.Authenticated},
 * {@link com.signward.idserver.jakarta.RequiresRoles}, {@link com.signward.idserver.jakarta.RequiresTenant},
 * {@link com.signward.idserver.jakarta.SignwardEvent} with {@link com.signward.idserver.jakarta.SignwardEventType} (webhooks),
 * {@link com.signward.idserver.jakarta.SignwardPrincipal}, {@link com.signward.idserver.jakarta.BearerTokenCredential},
 * {@link com.signward.idserver.jakarta.SignwardTokenPropagation} (tokens for the services the application calls);
 * with several authorities {@link com.signward.idserver.jakarta.SignwardTenant} and
 * {@link com.signward.idserver.jakarta.SignwardTenantResolver}.
 * The wiring (CDI extension, authentication mechanism, identity store, filters) lives in the internal package
 * {@code com.signward.idserver.jakarta.internal} and is configured with {@code signward.*} keys.
 */
package com.signward.idserver.jakarta;
