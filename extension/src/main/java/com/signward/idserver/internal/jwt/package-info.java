/**
 * <b>Internal, not an API:</b> may change in any release without notice.
 *
 * <p>Local JWT validation. A compact JWS is parsed once ({@link com.signward.idserver.internal.jwt.CompactJws}),
 * its algorithm is checked against an allow-list bound to the selected key, its signature is verified with the
 * JDK over the exact signing input, and then the claim rules of its kind run once against the injected clock:
 * {@link com.signward.idserver.internal.jwt.AccessTokenRules}, {@link com.signward.idserver.internal.jwt.IdTokenRules}
 * or {@link com.signward.idserver.internal.jwt.LogoutTokenRules}. The token header never chooses a key, an
 * algorithm or a kind. Depends on no other package of the SDK but the metrics seam
 * ({@code internal.metrics}).
 */
package com.signward.idserver.internal.jwt;
