package com.signward.idserver.internal.metrics;

/** The metric names and their labels: the one table the documentation repeats (operations page). */
public final class MetricNames {

    /** Access tokens accepted; label {@code cache}: {@code hit} or {@code miss}. */
    public static final String TOKENS_VALIDATED = "signward.tokens.validated";
    /** Access tokens refused; label {@code rule}: the rule that failed (a fixed text, see {@code Rejections}). */
    public static final String TOKENS_REJECTED = "signward.tokens.rejected";
    /**
     * JWKS fetches; labels {@code reason} ({@code initial}, {@code periodic}, {@code unknown_kid}, {@code forced})
     * and {@code outcome} ({@code ok}, {@code failed}).
     */
    public static final String JWKS_FETCHES = "signward.jwks.fetches";
    /**
     * Timer: how long access-token validation took (cache hits included); label {@code outcome}: {@code accepted}
     * or {@code rejected}.
     */
    public static final String TOKEN_VALIDATION = "signward.tokens.validation";
    /** Timer: how long one JWKS fetch took; labels {@code reason} and {@code outcome} as {@link #JWKS_FETCHES}. */
    public static final String JWKS_FETCH = "signward.jwks.fetch";
    /**
     * Gauge: seconds the signing keys have been served stale (fetching failed or their max-age ran out while they
     * are still usable); 0 while they are fresh or when none are loaded.
     */
    public static final String JWKS_STALE_SECONDS = "signward.jwks.stale.seconds";
    /**
     * Back-channel logout requests; labels {@code outcome} ({@code ok}, {@code rejected}, {@code unavailable}) and
     * {@code rule} (why a logout token was refused, a fixed text; {@code none} when accepted).
     */
    public static final String BACKCHANNEL_LOGOUTS = "signward.logouts.backchannel";
    /** Browser logins completed at the callback; label {@code outcome}: {@code ok} or {@code failed}. */
    public static final String LOGINS = "signward.logins";
    /** Session token refreshes; label {@code outcome}: {@code refreshed}, {@code ended} (refused) or {@code failed}. */
    public static final String REFRESHES = "signward.refreshes";
    /** Webhook requests; label {@code outcome}: {@code ok}, {@code duplicate}, {@code observer_failed} or the error code. */
    public static final String WEBHOOKS = "signward.webhooks";
    /**
     * Opaque-token introspection (RFC 7662); label {@code outcome}: {@code cached} (answered from the cache, no
     * request), {@code active}, {@code inactive} or {@code failed} (unreachable, 5xx, refused client).
     */
    public static final String INTROSPECTIONS = "signward.introspections";

    private MetricNames() {
    }
}
