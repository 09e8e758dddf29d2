package com.signward.idserver.internal.jwt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The usable keys of one JWKS document, indexed by {@code kid}. Immutable; one instance per successful fetch. */
public final class KeySet {
    private final List<SigningKey> keys;
    private final Map<String, List<SigningKey>> byKid;

    KeySet(List<SigningKey> keys) {
        this.keys = List.copyOf(keys);
        Map<String, List<SigningKey>> index = new HashMap<>();
        for (SigningKey key : this.keys) {
            if (key.kid() != null) {
                index.computeIfAbsent(key.kid(), kid -> new ArrayList<>()).add(key);
            }
        }
        index.replaceAll((kid, list) -> List.copyOf(list));
        this.byKid = Map.copyOf(index);
    }

    public List<SigningKey> all() {
        return keys;
    }

    /** @return the keys with this {@code kid}; empty when there is none */
    public List<SigningKey> withKid(String kid) {
        return byKid.getOrDefault(kid, List.of());
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }
}
