package com.signward.idserver.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class with its own {@link FakeSignward} ({@link SignwardTestExtension}). With Arquillian, put it
 * before {@code @ExtendWith(ArquillianExtension.class)} so that the provider runs before the deployment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SignwardTestExtension.class)
public @interface WithFakeSignward {
}
