package com.signward.idserver.web;

import com.signward.idserver.internal.jwt.ClaimValues;
import com.signward.idserver.internal.jwt.KeysUnavailableException;
import com.signward.idserver.internal.jwt.Rejections;
import com.signward.idserver.internal.jwt.TokenRejectedException;
import com.signward.idserver.internal.oidc.OidcCore;
import com.signward.idserver.internal.metrics.MetricNames;
import com.signward.idserver.internal.metrics.SignwardMetrics;
import com.signward.idserver.internal.oidc.ProviderException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The back-channel logout route (OpenID Connect Back-Channel Logout 1.0): Signward POSTs a {@code logout_token};
 * it is verified by the logout-token rules (signature from the JWKS, {@code iss}, {@code aud}, {@code iat},
 * {@code events}, {@code sid}/{@code sub}, no {@code nonce}, {@code typ}), must be recent ({@code iat} within the
 * configured age) and new ({@code jti} not seen before, cluster-wide). Then a marker ends every login of that
 * {@code sid} (else of that {@code sub}) on its next request, on any node. Answers 200, 400 with a JSON error, or
 * 503 when Signward's keys cannot be loaded; always {@code Cache-Control: no-store}; never 500.
 */
final class BackchannelLogout {

    private static final System.Logger LOG = System.getLogger(BackchannelLogout.class.getName());
    private static final String MALFORMED = "exactly one logout_token form parameter is required";
    private static final String TOO_OLD = "the logout token is too old (iat)";
    private static final String REPLAYED = "the logout token was already used (jti)";
    private static final String REJECTED = "logout token rejected: ";

    private final OidcCore core;
    private final LogoutMarkers markers;
    private final Duration maxAge;
    private final Clock clock;

    BackchannelLogout(OidcCore core, LogoutMarkers markers, Duration maxAge, Clock clock) {
        this.core = core;
        this.markers = markers;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.protect(response);
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            Responses.methodNotAllowed(response, "POST");
            return;
        }
        try {
            String[] values = request.getParameterValues("logout_token");
            if (values == null || values.length != 1 || values[0].isBlank()) {
                throw LoginException.badRequest(MALFORMED);
            }
            logOut(values[0]);
        } catch (LoginException e) {
            LOG.log(e.status() >= 500 ? Level.WARNING : Level.INFO, "Signward back-channel logout refused: {0}",
                    e.detail());
            count(e.status() >= 500 ? "unavailable" : "rejected", rule(e.detail()));
            Responses.write(null, response, e, null);
            return;
        } catch (RuntimeException e) {
            // e.g. the distributed state store is unreachable: Signward retries later
            LOG.log(Level.WARNING, "Signward back-channel logout failed ({0})", e.getClass().getName());
            count("unavailable", "state store failure");
            Responses.write(null, response, new LoginException(503, "temporarily_unavailable",
                    "the logout could not be recorded", "state store failure"), null);
            return;
        }
        count("ok", "none");
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(0);
        response.flushBuffer();
    }

    /** Verifies the token and records the logout. */
    void logOut(String token) throws LoginException {
        Map<String, Object> claims;
        try {
            claims = core.verifyLogoutToken(token).claims();
        } catch (TokenRejectedException e) {
            throw new LoginException(400, "invalid_request", "the logout token was rejected: " + e.getMessage(),
                    REJECTED + e.getMessage());
        } catch (KeysUnavailableException | ProviderException e) {
            throw new LoginException(503, "temporarily_unavailable", "Signward's keys could not be loaded",
                    "logout token not verifiable: " + e.getMessage());
        }
        Instant now = clock.instant();
        Duration skew = core.config().clockSkew();
        Object iat = claims.get("iat");
        if (!(iat instanceof Number issued)
                || Instant.ofEpochSecond(issued.longValue()).isBefore(now.minus(maxAge).minus(skew))) {
            throw LoginException.badRequest(TOO_OLD);
        }
        String issuer = ClaimValues.string(claims, "iss");
        if (!markers.firstUse(issuer, ClaimValues.string(claims, "jti"), maxAge.plus(skew).plus(skew))) {
            throw LoginException.badRequest(REPLAYED);
        }
        String sid = ClaimValues.string(claims, "sid");
        String sub = ClaimValues.string(claims, "sub");
        markers.loggedOut(blank(sid) ? null : sid, sub);
        LOG.log(Level.INFO, "Signward back-channel logout: the logins of {0} end", blank(sid) ? "user " + sub
                : "Signward session " + sid);
    }

    private static void count(String outcome, String rule) {
        SignwardMetrics.count(MetricNames.BACKCHANNEL_LOGOUTS, "outcome", outcome, "rule", rule);
    }

    /** The metrics label of a refusal: a fixed text (the variable part of a token rule dropped). */
    static String rule(String detail) {
        if (detail == null) {
            return "other";
        }
        return switch (detail) {
            case MALFORMED -> "malformed request";
            case TOO_OLD -> "logout token too old";
            case REPLAYED -> "logout token replayed";
            default -> detail.startsWith(REJECTED) ? Rejections.rule(detail.substring(REJECTED.length()))
                    : detail.startsWith("logout token not verifiable") ? Rejections.KEYS_UNAVAILABLE : "other";
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
