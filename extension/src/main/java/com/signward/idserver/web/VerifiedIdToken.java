package com.signward.idserver.web;

import java.util.Map;

/**
 * An ID token that passed every check.
 *
 * @param claims its claims as plain Java values
 * @param facts  what a later refreshed ID token must agree with
 */
record VerifiedIdToken(Map<String, Object> claims, IdTokenFacts facts) {
}
