package com.signward.idserver.testkit.internal;

import org.jose4j.jwt.JwtClaims;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The fake provider's state, shared by its handlers. Thread-safe. */
public final class Provider {

    /** The endpoint paths (also in the discovery document). */
    public static final String AUTHORIZE = "/connect/authorize";
    public static final String TOKEN = "/connect/token";
    public static final String USERINFO = "/connect/userinfo";
    public static final String REVOKE = "/connect/revoke";
    public static final String INTROSPECT = "/connect/introspect";
    public static final String END_SESSION = "/connect/endsession";
    public static final String JWKS = "/.well-known/jwks.json";
    public static final String DISCOVERY = "/.well-known/openid-configuration";

    private final String issuer;
    private final KeyRing keys = new KeyRing();
    private final Grants grants = new Grants();
    private final ConcurrentMap<String, Registration> clients = new ConcurrentHashMap<>();
    private final List<Identity> formUsers = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Identity loginUser;
    private volatile boolean loginForm;
    private volatile boolean servingKeys = true;
    private volatile boolean servingIntrospection = true;
    private final ConcurrentMap<String, JwtClaims> opaqueTokens = new ConcurrentHashMap<>();
    private volatile Duration tokenLifetime = Duration.ofHours(1);
    private volatile String audience = "idserver-api";
    private volatile List<String> clientAuthMethods = List.of("client_secret_basic", "client_secret_post");

    public Provider(String issuer) {
        this.issuer = issuer;
    }

    public String issuer() {
        return issuer;
    }

    public KeyRing keys() {
        return keys;
    }

    public Grants grants() {
        return grants;
    }

    public void register(Registration client) {
        clients.put(client.id(), client);
    }

    public Optional<Registration> client(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(clients.get(id));
    }

    public List<Identity> formUsers() {
        return List.copyOf(formUsers);
    }

    public void addFormUser(Identity user) {
        formUsers.add(user);
    }

    public Identity loginUser() {
        return loginUser;
    }

    public void loginUser(Identity user) {
        loginUser = user;
    }

    public boolean loginForm() {
        return loginForm;
    }

    public void loginForm(boolean on) {
        loginForm = on;
    }

    public boolean servingKeys() {
        return servingKeys;
    }

    public void servingKeys(boolean on) {
        servingKeys = on;
    }

    public boolean servingIntrospection() {
        return servingIntrospection;
    }

    public void servingIntrospection(boolean on) {
        servingIntrospection = on;
    }

    /** Issues an opaque access token (a random reference) standing for these claims. */
    public String issueOpaque(JwtClaims claims) {
        String token = Grants.random();
        opaqueTokens.put(token, claims);
        return token;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    public void tokenLifetime(Duration lifetime) {
        tokenLifetime = lifetime;
    }

    public String audience() {
        return audience;
    }

    public void audience(String value) {
        audience = value;
    }

    public List<String> clientAuthMethods() {
        return clientAuthMethods;
    }

    public void clientAuthMethods(List<String> methods) {
        clientAuthMethods = List.copyOf(methods);
    }

    public void record(Request request) {
        requests.add(request);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Hands out and forgets the recorded requests. */
    public synchronized List<Request> takeRequests() {
        List<Request> taken = new ArrayList<>(requests);
        requests.removeAll(taken);
        return taken;
    }

    /** An access token for the session's user and client, with the current audience and lifetime. */
    public String accessToken(Grants.Session session) {
        JwtClaims claims = Claims.access(issuer, audience, session.user().claims(), session.clientId(),
                session.scope(), tokenLifetime, Duration.ZERO);
        claims.setClaim("sid", session.sid());
        return keys.sign(claims, "at+jwt");
    }

    /**
     * The claims of an active access token this provider issued (signature, issuer, expiry, not revoked; an opaque
     * token: known, not expired, not revoked).
     */
    public Optional<JwtClaims> activeAccessToken(String token) {
        JwtClaims opaque = opaqueTokens.get(token);
        Optional<JwtClaims> claims = opaque != null ? Optional.of(opaque).filter(Provider::unexpired)
                : keys.verify(token, issuer, false);
        return claims.filter(c -> {
            try {
                return c.getJwtId() != null && grants.isActive(c.getJwtId(), c.getStringClaimValue("sid"));
            } catch (org.jose4j.jwt.MalformedClaimException e) {
                return false;
            }
        });
    }

    private static boolean unexpired(JwtClaims claims) {
        try {
            return claims.getExpirationTime() == null
                    || claims.getExpirationTime().getValue() > java.time.Instant.now().getEpochSecond();
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            return false;
        }
    }
}
