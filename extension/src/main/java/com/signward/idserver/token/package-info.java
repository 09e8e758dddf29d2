/**
 * Local JWT validation: the JWKS key source (lookup by {@code kid}, rotation, outage tolerance)
 * and the token validator built on smallrye-jwt. This package depends on nothing else of the SDK;
 * {@code com.signward.idserver.SignwardClient} supplies the HTTP fetch and translates rejections.
 */
package com.signward.idserver.token;
