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
