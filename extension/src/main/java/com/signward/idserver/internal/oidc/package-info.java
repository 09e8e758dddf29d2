/**
 * <b>Internal, not an API:</b> may change in any release without notice.
 *
 * <p>The OpenID Connect provider as the SDK sees it: discovery (parsed and checked once into
 * {@link com.signward.idserver.internal.oidc.ProviderMetadata}), the token, userinfo and revocation endpoints over
 * the JDK {@code HttpClient}, the JWKS fetch, PKCE and random values, URL helpers, and
 * {@link com.signward.idserver.internal.oidc.OidcCore}, which puts them together with the JWT verifiers of
 * {@code internal.jwt} for one client configuration. Both doors build on it: the public {@code SignwardClient} and
 * the browser login. Depends on {@code internal.jwt} only.
 */
package com.signward.idserver.internal.oidc;
