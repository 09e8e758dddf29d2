/**
 * The token-propagation test application (its own WARs, see {@code PropagationIT} and
 * {@code ServicePropagationIT}): {@code GET /api/call?target=…} calls the given URL through a JAX-RS client with
 * {@code SignwardTokenPropagation} registered and answers with the downstream status.
 */
package com.signward.it.propagation;
