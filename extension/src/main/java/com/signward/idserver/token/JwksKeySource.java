package com.signward.idserver.token;

import java.time.Clock;

/** STUB (to be implemented): JWKS keys by kid, with rotation and outage tolerance. Thread-safe. */
public final class JwksKeySource {

    public JwksKeySource(JwksFetcher fetcher, KeySourceSettings settings, Clock clock) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Forces the next lookup to fetch the key set again. */
    public void invalidate() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
