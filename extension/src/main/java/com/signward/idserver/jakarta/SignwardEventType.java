package com.signward.idserver.jakarta;

import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies a {@link SignwardEvent} observer to one event type:
 * {@code void on(@Observes @SignwardEventType("user.login") SignwardEvent event)}. Every {@code SignwardEvent} is
 * fired with this qualifier set to its type; an observer without it receives every event.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface SignwardEventType {

    /** The event type, e.g. {@code user.created}. */
    String value();
}
