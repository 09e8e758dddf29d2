/**
 * {@link com.signward.idserver.jakarta.jaxrs.SignwardJaxrsFeature}: the JAX-RS side of the access rules, discovered
 * by the JAX-RS runtime's scan, or listed by applications that name their classes in {@code Application.getClasses()}.
 */
package com.signward.idserver.jakarta.jaxrs;
