package com.signward.idserver.web;

import jakarta.servlet.http.HttpSession;

import java.time.Duration;
import java.time.Instant;

/**
 * The two session attributes of the login: the {@link PendingLogins} of attempts in progress and the
 * {@link SessionLogin} of a logged-in user. Check-then-act steps on one session are serialized through a
 * small set of striped locks (in this JVM), so that two tabs starting a login at once keep both attempts and a
 * refresh never overwrites a newer login. Attributes are set again after each change so that replicating
 * containers notice it. A session invalidated meanwhile reads as empty.
 */
final class SessionStore {

    static final String LOGIN_ATTRIBUTE = "com.signward.idserver.web.login";
    static final String PENDING_ATTRIBUTE = "com.signward.idserver.web.pending";
    private static final int STRIPES = 64;

    private final Object[] locks = new Object[STRIPES];
    private final int maxPending;
    private final Duration pendingTtl;
    private final SessionSeal seal;

    /** @param seal seals the login's tokens before they enter the session (or stores them as they are) */
    SessionStore(int maxPending, Duration pendingTtl, SessionSeal seal) {
        this.seal = seal;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
        this.maxPending = maxPending;
        this.pendingTtl = pendingTtl;
    }

    /** @return the session's login, or {@code null} */
    SessionLogin login(HttpSession session) {
        try {
            return seal.open(session.getAttribute(LOGIN_ATTRIBUTE));
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** @throws IllegalStateException when the session was invalidated meanwhile */
    void setLogin(HttpSession session, SessionLogin login) {
        Object sealed = seal.seal(login);
        synchronized (lock(session)) {
            session.setAttribute(LOGIN_ATTRIBUTE, sealed);
        }
    }

    /** Replaces {@code old} by {@code fresh} unless the session already holds another login. */
    void replaceLogin(HttpSession session, SessionLogin old, SessionLogin fresh) {
        try {
            synchronized (lock(session)) {
                if (sameGeneration(seal.open(session.getAttribute(LOGIN_ATTRIBUTE)), old)) {
                    session.setAttribute(LOGIN_ATTRIBUTE, seal.seal(fresh));
                }
            }
        } catch (IllegalStateException invalidated) {
            // logged out meanwhile
        }
    }

    /** Removes {@code old} unless the session already holds another login. */
    void removeLogin(HttpSession session, SessionLogin old) {
        try {
            synchronized (lock(session)) {
                if (sameGeneration(seal.open(session.getAttribute(LOGIN_ATTRIBUTE)), old)) {
                    session.removeAttribute(LOGIN_ATTRIBUTE);
                }
            }
        } catch (IllegalStateException invalidated) {
            // logged out meanwhile
        }
    }

    /** Records a new login attempt. */
    void addPending(HttpSession session, PendingLogin login, Instant now) {
        synchronized (lock(session)) {
            PendingLogins pending = session.getAttribute(PENDING_ATTRIBUTE) instanceof PendingLogins p
                    ? p : new PendingLogins(maxPending, pendingTtl);
            pending.add(login, now);
            session.setAttribute(PENDING_ATTRIBUTE, pending);
        }
    }

    /** The tenant of the session's attempt with this state, or {@code null}; nothing is consumed. */
    String pendingTenant(HttpSession session, String state) {
        try {
            PendingLogin login = session.getAttribute(PENDING_ATTRIBUTE) instanceof PendingLogins pending
                    ? pending.peek(state) : null;
            return login == null ? null : login.tenant();
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** Takes the attempt with this state out of the session (once). */
    PendingLogins.Lookup consumePending(HttpSession session, String state, Instant now) {
        try {
            synchronized (lock(session)) {
                if (!(session.getAttribute(PENDING_ATTRIBUTE) instanceof PendingLogins pending)) {
                    return new PendingLogins.Lookup(PendingLogins.Status.UNKNOWN, null);
                }
                PendingLogins.Lookup lookup = pending.consume(state, now);
                if (pending.size() == 0) {
                    session.removeAttribute(PENDING_ATTRIBUTE);
                } else {
                    session.setAttribute(PENDING_ATTRIBUTE, pending);
                }
                return lookup;
            }
        } catch (IllegalStateException invalidated) {
            return new PendingLogins.Lookup(PendingLogins.Status.UNKNOWN, null);
        }
    }

    private static boolean sameGeneration(Object attribute, SessionLogin login) {
        return attribute instanceof SessionLogin current && current.generation().equals(login.generation());
    }

    private Object lock(HttpSession session) {
        return locks[Math.floorMod(session.getId().hashCode(), STRIPES)];
    }
}
