package com.signward.idserver.internal.webhook;

import java.time.Instant;

/**
 * Remembers webhook delivery ids, so that a delivery Signward sends again is acknowledged without being handed to
 * the application a second time. In memory by default ({@link InMemoryDeliveryLog}); a shared store can implement
 * it for a cluster. Implementations are thread-safe.
 */
public interface DeliveryLog {

    /**
     * Claims a delivery id for processing.
     *
     * @return {@code true} when the id was not seen (or its claim was released): the caller processes it;
     *         {@code false} for a duplicate
     */
    boolean claim(String deliveryId, Instant now);

    /** Forgets a claim whose processing failed, so that Signward's retry is processed. */
    void release(String deliveryId);
}
