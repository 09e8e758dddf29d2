package com.signward.idserver.internal.jwt;

import java.io.IOException;

/** Fetches the JSON Web Key Set document; implemented by the client over HTTP, or by tests. */
@FunctionalInterface
public interface JwksFetcher {

    /**
     * @return the JWKS body and the cache lifetime the server announced
     * @throws IOException when the endpoint cannot be reached or answers with a non-2xx status
     */
    JwksResponse fetch() throws IOException;
}
