package com.signward.idserver.jakarta;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Selects the {@link com.signward.idserver.SignwardClient} of a named tenant configuration
 * ({@code signward.tenants.<name>.*}); {@code "default"} is the unnamed {@code signward.*} configuration, which a
 * plain {@code @Inject SignwardClient} also gives.
 *
 * <pre>
 * &#64;Inject &#64;SignwardTenant("partners")
 * SignwardClient partners;
 * </pre>
 * A name without {@code signward.tenants.<name>.authority} fails the deployment (or, for a programmatic lookup
 * through {@code Instance.select(SignwardTenant.Literal.of(name))}, the lookup) with a message naming that key.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface SignwardTenant {

    /** The tenant name, as in {@code signward.tenants.<name>.authority}. */
    @Nonbinding
    String value();

    /** The annotation as a value, for {@code Instance.select}. */
    final class Literal extends AnnotationLiteral<SignwardTenant> implements SignwardTenant {
        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        /**
         * @param name the tenant name
         * @return {@code @SignwardTenant(name)}
         */
        public static Literal of(String name) {
            return new Literal(name);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
