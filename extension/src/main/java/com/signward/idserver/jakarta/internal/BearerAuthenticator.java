package com.signward.idserver.jakarta.internal;

import com.signward.idserver.InvalidTokenException;
import com.signward.idserver.SignwardClient;
import com.signward.idserver.SignwardException;
import com.signward.idserver.SignwardUser;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.util.Set;

/**
 * Validates a bearer token for the mechanism and the identity store alike, with
 * {@link SignwardClient#validateToken(String)} of the configuration its issuer names ({@link TenantClients}), or
 * {@link SignwardClient#introspectToken(String)} for the tokens {@link IntrospectionSettings} sends there: the outcome carries the user (the one object that then reaches the
 * principal, the {@code SignwardUser} producer and the JAX-RS filters), or why the token was refused and whether
 * that is the caller's fault (401) or Signward's (503).
 */
final class BearerAuthenticator {

    private static final System.Logger LOG = System.getLogger(BearerAuthenticator.class.getName());

    private BearerAuthenticator() {
    }

    /**
     * @param result the container's answer (principal and groups) when accepted, else {@code null}
     */
    record Verdict(AuthOutcome outcome, CredentialValidationResult result) {
    }

    static Verdict authenticate(TenantClients tenants, SignwardDeployment deployment, Set<String> declaredRoles,
                                String token) {
        String realm = deployment.realm();
        SignwardClient client = tenants.forToken(token);
        if (client == null) { // never fetch anything from an issuer the token names
            return new Verdict(AuthOutcome.rejected(realm, "token issuer is not trusted", 401), null);
        }
        SignwardUser user;
        try {
            user = check(client, deployment.introspection(), token);
        } catch (InvalidTokenException e) {
            return new Verdict(AuthOutcome.rejected(realm, e.getMessage(), 401), null);
        } catch (SignwardException e) {
            LOG.log(System.Logger.Level.WARNING, "Signward: a token could not be verified: {0}", e.getMessage());
            return new Verdict(AuthOutcome.rejected(realm, "token could not be verified: Signward is unavailable",
                    503), null);
        }
        CredentialValidationResult result = CallerIdentity.of(user, deployment, declaredRoles);
        if (result == null) {
            return new Verdict(AuthOutcome.rejected(realm, "token has no " + deployment.principalClaim() + " claim",
                    401), null);
        }
        return new Verdict(AuthOutcome.authenticated(user, realm), result);
    }

    /** Introspection (RFC 7662) or local validation, as configured; both end in the same user. */
    private static SignwardUser check(SignwardClient client, IntrospectionSettings introspection, String token) {
        return introspection.introspects(token) ? client.introspectToken(token) : client.validateToken(token);
    }
}
