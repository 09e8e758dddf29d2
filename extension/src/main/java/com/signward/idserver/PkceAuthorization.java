package com.signward.idserver;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/**
 * An authorization URL with its PKCE verifier. Keep {@code codeVerifier}, {@code state} and
 * {@code nonce} in the user's session; send the browser to {@code url}.
 *
 * @param url          the authorization URL
 * @param codeVerifier the PKCE verifier to pass to {@link SignwardClient#exchangeCode}
 * @param state        the {@code state} sent (given or generated)
 * @param nonce        the {@code nonce} sent (given or generated)
 */
public record PkceAuthorization(URI url, String codeVerifier, String state, String nonce) implements Serializable {

    /**
     * @param url          the authorization URL (required)
     * @param codeVerifier the PKCE verifier (required)
     * @param state        the {@code state} sent
     * @param nonce        the {@code nonce} sent
     */
    public PkceAuthorization {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
    }

    /** Never prints the verifier, the state or the nonce. */
    @Override
    public String toString() {
        return "PkceAuthorization[url=" + url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath() + "?…]";
    }
}
