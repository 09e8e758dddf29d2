package com.signward.idserver.web;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The login attempts of one HTTP session, keyed by {@code state}: each attempt (each browser tab) has its own
 * entry, so several may complete in any order. Bounded in number (the oldest is dropped) and in age; an entry
 * is removed when its callback consumes it, so a {@code state} works once. Thread-safe and serializable (it
 * lives in the session).
 */
final class PendingLogins implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a callback's {@code state} found. */
    enum Status { FOUND, EXPIRED, UNKNOWN }

    /**
     * @param status whether the state was found
     * @param login  the attempt when {@code FOUND}, else {@code null}
     */
    record Lookup(Status status, PendingLogin login) {
    }

    private final int maxEntries;
    private final Duration ttl;
    /** Insertion order is age order. */
    private final LinkedHashMap<String, PendingLogin> byState = new LinkedHashMap<>();

    PendingLogins(int maxEntries, Duration ttl) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.ttl = ttl;
    }

    /** Adds an attempt, first dropping expired ones and then the oldest while the bound is reached. */
    synchronized void add(PendingLogin login, Instant now) {
        purgeExpired(now);
        while (byState.size() >= maxEntries) {
            Iterator<String> oldest = byState.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        byState.put(login.state(), login);
    }

    /** Removes and returns the attempt with this state; an expired one is removed too and reported as such. */
    synchronized Lookup consume(String state, Instant now) {
        PendingLogin login = state == null ? null : byState.remove(state);
        purgeExpired(now);
        if (login == null) {
            return new Lookup(Status.UNKNOWN, null);
        }
        if (expired(login, now)) {
            return new Lookup(Status.EXPIRED, null);
        }
        return new Lookup(Status.FOUND, login);
    }

    /** The attempt with this state, left in place (to choose who handles the callback, which then consumes it). */
    synchronized PendingLogin peek(String state) {
        return state == null ? null : byState.get(state);
    }

    synchronized int size() {
        return byState.size();
    }

    private void purgeExpired(Instant now) {
        byState.values().removeIf(login -> expired(login, now));
    }

    private boolean expired(PendingLogin login, Instant now) {
        return !now.isBefore(login.createdAt().plus(ttl));
    }

    private synchronized void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
    }

    @Override
    public synchronized String toString() {
        return "PendingLogins[" + byState.size() + " of at most " + maxEntries + "]";
    }

    /** For tests: the states currently kept, oldest first. */
    synchronized Map<String, PendingLogin> snapshot() {
        return Map.copyOf(new LinkedHashMap<>(byState));
    }
}
