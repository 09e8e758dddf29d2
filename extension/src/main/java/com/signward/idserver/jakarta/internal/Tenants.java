package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.jwt.ClaimValues;

import java.util.Map;
import java.util.UUID;

/** Tenant ids: only a canonical UUID (36 characters, as {@code SignwardUser.tenantId()} reads the claim) is one. */
final class Tenants {

    private Tenants() {
    }

    /** The UUID, or {@code null} when {@code value} is {@code null} or not a UUID. */
    static UUID parse(String value) {
        return value == null ? null : ClaimValues.uuid(Map.of("v", value), "v");
    }
}
