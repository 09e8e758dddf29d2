package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.jwt.CompactJws;

/**
 * Which bearer tokens are introspected (RFC 7662) rather than validated locally.
 *
 * @param enabled {@code signward.introspection.enabled}
 * @param forJwt  {@code signward.introspection.for-jwt}: every token, JWTs too
 */
record IntrospectionSettings(boolean enabled, boolean forJwt) {

    static IntrospectionSettings read(ConfigValues values) {
        return new IntrospectionSettings(values.boolWithDefault(ConfigKey.INTROSPECTION_ENABLED),
                values.boolWithDefault(ConfigKey.INTROSPECTION_FOR_JWT));
    }

    /** Whether this token goes to the introspection endpoint: introspection on, and not a JWS or for-jwt. */
    boolean introspects(String token) {
        return enabled && (forJwt || !CompactJws.isCompactForm(token));
    }
}
