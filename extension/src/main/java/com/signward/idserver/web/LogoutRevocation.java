package com.signward.idserver.web;

import com.signward.idserver.internal.oidc.Http;
import com.signward.idserver.internal.oidc.OidcCore;
import com.signward.idserver.internal.oidc.ProviderException;
import com.signward.idserver.internal.oidc.ProviderMetadata;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Revokes a logged-out session's refresh token (RFC 7009) when the discovery document lists a
 * {@code revocation_endpoint}; without a refresh token, its access token. Waits a few seconds at most; a
 * failure is logged (never the token) and never shown to the user.
 */
final class LogoutRevocation {

    private static final System.Logger LOG = System.getLogger(LogoutRevocation.class.getName());
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final OidcCore core;

    LogoutRevocation(OidcCore core) {
        this.core = core;
    }

    void revoke(SessionLogin login) {
        try {
            ProviderMetadata metadata = core.awaitMetadata();
            if (metadata.revocationEndpoint() == null) {
                return;
            }
        } catch (ProviderException e) {
            LOG.log(Level.WARNING, "Signward logout: tokens not revoked, discovery failed ({0})", e.getMessage());
            return;
        }
        boolean refresh = login.refreshToken() != null;
        String token = refresh ? login.refreshToken() : login.accessToken();
        String hint = refresh ? "refresh_token" : "access_token";
        Duration timeout = core.config().timeout();
        Duration wait = timeout.compareTo(MAX_WAIT) < 0 ? timeout : MAX_WAIT;
        try {
            core.revoke(token, hint).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = Http.unwrap(e);
            String reason = cause instanceof ProviderException ? cause.getMessage() : cause.getClass().getName();
            LOG.log(Level.WARNING, "Signward logout: revoking the {0} failed ({1})", hint, reason);
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "Signward logout: revoking the {0} got no answer within {1}", hint, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
