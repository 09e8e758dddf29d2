/**
 * <b>Internal, not an API:</b> may change in any release without notice; applications configure browser login
 * with {@code signward.login.*} keys.
 *
 * <p>Browser login for server-side web applications, on the Servlet API only: Authorization Code flow with PKCE,
 * per-attempt {@code state} and {@code nonce} in the HTTP session, ID token validation with the ID-token rules of
 * {@code internal.jwt}, session refresh and RP-initiated logout. {@link com.signward.idserver.web.WebLogin} is the
 * entry point; the Jakarta authentication mechanism delegates to it. Builds on {@code internal.oidc} and
 * {@code internal.jwt}, and on {@code com.signward.idserver} only for the user model; never on
 * {@code SignwardClient}.
 */
package com.signward.idserver.web;
