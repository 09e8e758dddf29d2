package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.webhook.DeliveryLog;
import com.signward.idserver.web.state.StateStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Webhook delivery ids in the browser sessions' {@link StateStore} (with browser login on): with the runtime's JCache
 * the claim is atomic across the cluster's nodes, so a delivery Signward sends again reaches the application once.
 * Keys are prefixed with the client id, like the sessions' own. Thread-safe as the store is.
 */
final class StateStoreDeliveryLog implements DeliveryLog {

    private final StateStore store;
    private final String prefix;
    private final Duration ttl;

    StateStoreDeliveryLog(StateStore store, String clientId, Duration ttl) {
        this.store = Objects.requireNonNull(store, "store");
        this.prefix = "signward:" + clientId + ":webhook:";
        this.ttl = ttl;
    }

    @Override
    public boolean claim(String deliveryId, Instant now) {
        return store.putIfAbsent(prefix + deliveryId, "1", ttl);
    }

    @Override
    public void release(String deliveryId) {
        store.remove(prefix + deliveryId);
    }
}
