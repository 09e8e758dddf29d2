package com.signward.idserver.testkit.internal;


import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the provider handed out: one-time authorization codes, sessions (one per login, the refresh-token family)
 * and rotating refresh tokens with reuse detection (RFC 9700 §4.14.2: a reused refresh token revokes its family).
 * Thread-safe.
 */
public final class Grants {

    /** A login: its id ({@code sid}), client, user, scope and authentication time. */
    public record Session(String sid, String clientId, Identity user, String scope, long authTime) {
    }

    /** An issued authorization code and what it was issued for. */
    public record Code(Session session, String redirectUri, String codeChallenge, String nonce, Instant expires) {
    }

    private record Refresh(Session session, boolean used) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentMap<String, Code> codes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Session> redeemedCodes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> revokedSessions = ConcurrentHashMap.newKeySet();
    private final Set<String> revokedTokenIds = ConcurrentHashMap.newKeySet();

    /** A random value of 256 bits, base64url. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Issues a one-time code. */
    public String issueCode(Code code) {
        String value = random();
        codes.put(value, code);
        return value;
    }

    /**
     * Redeems a code once. A second attempt finds nothing and revokes what the first one got (RFC 6749 §4.1.2).
     */
    public Optional<Code> redeemCode(String value) {
        Code code = codes.remove(value);
        if (code == null) {
            Session earlier = redeemedCodes.get(value);
            if (earlier != null) {
                revokedSessions.add(earlier.sid());
            }
            return Optional.empty();
        }
        redeemedCodes.put(value, code.session());
        return code.expires().isBefore(Instant.now()) ? Optional.empty() : Optional.of(code);
    }

    /** Issues a refresh token of the session. */
    public String issueRefreshToken(Session session) {
        String value = random();
        refreshTokens.put(value, new Refresh(session, false));
        return value;
    }

    /**
     * Rotates a refresh token of {@code clientId}: the session when the token is current (it is used up now);
     * empty when unknown, of another client, revoked, or used before (which revokes the whole session).
     */
    public synchronized Optional<Session> rotate(String value, String clientId) {
        Refresh refresh = refreshTokens.get(value);
        if (refresh == null || !refresh.session().clientId().equals(clientId)) {
            return Optional.empty();
        }
        if (refresh.used()) {
            revokedSessions.add(refresh.session().sid());
            return Optional.empty();
        }
        refreshTokens.put(value, new Refresh(refresh.session(), true));
        return isActive(refresh.session().sid()) ? Optional.of(refresh.session()) : Optional.empty();
    }

    /** The session of a current (unused, unrevoked) refresh token of {@code clientId}. */
    public Optional<Session> refreshSession(String value, String clientId) {
        Refresh refresh = refreshTokens.get(value);
        return refresh == null || refresh.used() || !refresh.session().clientId().equals(clientId)
                || !isActive(refresh.session().sid()) ? Optional.empty() : Optional.of(refresh.session());
    }

    /** RFC 7009: a refresh token of {@code clientId} revokes its session; anything else is remembered by id. */
    public void revokeRefreshToken(String value, String clientId) {
        Refresh refresh = refreshTokens.get(value);
        if (refresh != null && refresh.session().clientId().equals(clientId)) {
            revokedSessions.add(refresh.session().sid());
        }
    }

    /** Revokes an access token by its {@code jti}. */
    public void revokeTokenId(String jti) {
        revokedTokenIds.add(jti);
    }

    /** Whether an access token ({@code jti}, {@code sid} or {@code null}) is still active. */
    public boolean isActive(String jti, String sid) {
        return !revokedTokenIds.contains(jti) && (sid == null || isActive(sid));
    }

    /** Whether a session is not revoked. */
    public boolean isActive(String sid) {
        return !revokedSessions.contains(sid);
    }

    /** Ends a session (as a back-channel logout or an administrator would). */
    public void revokeSession(String sid) {
        revokedSessions.add(sid);
    }
}
