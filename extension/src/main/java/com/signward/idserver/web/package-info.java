/**
 * Browser login for server-side web applications, on the Servlet API only: Authorization Code flow with PKCE,
 * per-attempt {@code state} and {@code nonce} in the HTTP session, ID token validation (OpenID Connect Core
 * §3.1.3.7), session refresh and RP-initiated logout. {@link com.signward.idserver.web.WebLogin} is the entry
 * point; the Jakarta authentication mechanism delegates to it. Depends on {@code com.signward.idserver} only.
 */
package com.signward.idserver.web;
